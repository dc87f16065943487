import { describe, expect, it } from "vitest";
import { sleep } from "../clock/clock";
import { createVirtualClock } from "../clock/virtual-clock";
import { compileTestFlow } from "../test-support/booking-flow";
import { createSession } from "./create-session";

describe("stopping a session", () => {
  it("cancels a tool that is still running", async () => {
    const clock = createVirtualClock();
    let aborted: unknown = null;
    const session = createSession(compileTestFlow(), {
      clock,
      playback: "estimated",
      tools: {
        book: async (_args, call) => {
          call.signal.addEventListener("abort", () => (aborted = call.signal.reason));
          await sleep(clock, 60_000, call.signal);
          return "R1";
        },
      },
    });
    session.start();
    session.send({ type: "user.text", text: "tomorrow at 7 pm for 2" });
    await clock.advance(5_000);
    session.send({ type: "user.text", text: "yes" });
    await clock.advance(1_000);
    expect(session.isIdle()).toBe(false);
    session.stop();
    await clock.flush();
    expect(aborted).toBeInstanceOf(Error);
    expect((aborted as Error).message).toBe("session stopped");
  });
});

import { describe, expect, it } from "vitest";
import { createTextSimulation } from "../simulation/text-simulation";
import { compileTestFlow } from "../test-support/booking-flow";
import { SessionSnapshotSchema } from "./session-snapshot";

describe("resuming a session from its snapshot", () => {
  it("continues at the same node with its variables and transcript, through JSON", async () => {
    const compiled = compileTestFlow();
    const first = createTextSimulation(compiled, { tools: { book: () => "R9" } });
    await first.start();
    await first.say("tomorrow at 7 pm");
    const saved = JSON.parse(JSON.stringify(first.session.snapshot())) as unknown;
    first.session.stop();

    const restore = SessionSnapshotSchema.parse(saved);
    const second = createTextSimulation(compiled, { tools: { book: () => "R9" }, restore });
    await second.start();
    expect(second.session.state()).toMatchObject({ nodeId: "ask", variables: { date: "2026-11-26", time: "19:00" } });
    expect(second.session.transcript().map((t) => t.role)).toEqual(["assistant", "user", "assistant"]);
    const step = await second.say("three people");
    expect(step.bot[0]).toContain("A table for 3");
    const done = await second.say("yes");
    expect(done.outcome).toBe("booked");
  });
});

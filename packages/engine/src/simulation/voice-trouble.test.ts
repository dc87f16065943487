import { describe, expect, it } from "vitest";
import { createTextSimulation } from "./text-simulation";
import { compileTestFlow } from "../test-support/booking-flow";
import { corruptTranscript, splitUtterance } from "./voice-trouble";

const book = { book: () => "R1" };

describe("voice trouble", () => {
  it("corrupts transcripts reproducibly for a seed", () => {
    const a = corruptTranscript("a table for four people on friday", 0.5, 7);
    expect(a).toBe(corruptTranscript("a table for four people on friday", 0.5, 7));
    expect(a).not.toBe("a table for four people on friday");
    expect(corruptTranscript("a table for four", 0, 7)).toBe("a table for four");
  });

  it("splits an utterance where early endpointing would", () => {
    expect(splitUtterance("tomorrow at seven for four people", 2)).toEqual(["tomorrow at", "seven for four people"]);
  });

  it("recovers from a recognition error by reprompting, then books", async () => {
    const sim = createTextSimulation(compileTestFlow(), { tools: book });
    await sim.start();
    // At this rate and seed the key words are lost: the flow must ask again, not guess.
    const noisy = await sim.say("tomorrow at 7 pm for four", [{ type: "recognition", rate: 0.9, seed: 3 }]);
    expect(noisy.user).not.toBe("tomorrow at 7 pm for four");
    expect(noisy.nodeId).toBe("ask");
    await sim.say("tomorrow at 7 pm for four");
    const done = await sim.say("yes");
    expect(done.outcome).toBe("booked");
  });

  it("recovers from an utterance cut in two by early endpointing", async () => {
    const sim = createTextSimulation(compileTestFlow(), { tools: book });
    await sim.start();
    const step = await sim.say("tomorrow at 7 pm for four people", [{ type: "split", atWord: 3, gapMs: 300 }]);
    expect(step.variables).toMatchObject({ date: "2026-11-26", time: "19:00", size: 4 });
    expect(step.bot.at(-1)).toContain("Is that right?");
  });

  it("takes a barge-in during the answer as the user's next turn", async () => {
    const sim = createTextSimulation(compileTestFlow(), { tools: book });
    await sim.start();
    const step = await sim.say("friday at 8 pm for 2 people", [{ type: "bargeIn", afterMs: 1200 }]);
    expect(step.outputs.some((o) => o.type === "speech.end" && o.interrupted)).toBe(true);
    expect(step.variables).toMatchObject({ time: "20:00", size: 2 });
    const heard = sim.session.transcript().find((t) => t.interrupted);
    expect(heard?.text.length).toBeGreaterThan(0);
    expect("Welcome to Chez Nous. For which day, what time, and how many people?".startsWith(heard?.text ?? "x")).toBe(true);
  });

  it("resumes the answer after a false interruption", async () => {
    const sim = createTextSimulation(compileTestFlow(), { tools: book });
    await sim.start();
    const step = await sim.falseInterruption(900);
    const heard = sim.session.transcript().find((t) => t.interrupted)?.text ?? "";
    expect(`${heard} ${step.bot.join(" ")}`).toBe("Welcome to Chez Nous. For which day, what time, and how many people?");
    expect(step.nodeId).toBe("ask");
  });

  it("reprompts after silence and ends politely when it goes on", async () => {
    const sim = createTextSimulation(compileTestFlow(), { tools: book });
    await sim.start();
    expect((await sim.silence()).bot[0]).toMatch(/didn't hear anything/);
    const last = await sim.silence();
    expect(last.outcome).toBe("no-input");
  });
});

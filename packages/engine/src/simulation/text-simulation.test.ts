import { describe, expect, it } from "vitest";
import { sleep } from "../clock/clock";
import { createTextSimulation } from "./text-simulation";
import { createVirtualClock } from "../clock/virtual-clock";
import { compileTestFlow } from "../test-support/booking-flow";

describe("text simulation", () => {
  it("runs a subflow embedded in the document (a bundle needs no files)", async () => {
    const flow = compileTestFlow({
      schemaVersion: 1,
      id: "caller",
      name: "Caller",
      start: "call",
      variables: { who: { type: "string", default: "Ann" }, said: { type: "string" } },
      nodes: [
        { id: "call", kind: "subflow", flow: "greeter", inputs: { name: "who" }, outputs: { said: "greeting" } },
        { id: "bye", kind: "end", message: "Back in the caller after {{ said }}." },
      ],
      edges: [{ id: "e1", from: "call", to: "bye", trigger: { type: "always" } }],
      subflows: {
        greeter: {
          schemaVersion: 1,
          id: "greeter",
          name: "Greeter",
          start: "hi",
          variables: { name: { type: "string" }, greeting: { type: "string", default: "hello" } },
          nodes: [
            { id: "hi", kind: "say", text: "Hi {{ name }}." },
            { id: "done", kind: "end" },
          ],
          edges: [{ id: "g1", from: "hi", to: "done", trigger: { type: "always" } }],
        },
      },
    });
    const sim = createTextSimulation(flow);
    const first = await sim.start();
    expect(first.bot.join(" ")).toBe("Hi Ann. Back in the caller after hello.");
    expect(first.ended).toBe(true);
  });

  it("renders the opening with the session clock's date and time", async () => {
    const flow = compileTestFlow({
      schemaVersion: 1,
      id: "clocked",
      name: "Clocked",
      start: "hello",
      nodes: [
        { id: "hello", kind: "say", text: "Today is {{ spokenDate(today()) }}, it is {{ now() }}." },
        { id: "bye", kind: "end" },
      ],
      edges: [{ id: "e1", from: "hello", to: "bye", trigger: { type: "always" } }],
    });
    const sim = createTextSimulation(flow, { clock: createVirtualClock(Date.UTC(2026, 10, 25, 9, 30)) });
    const first = await sim.start();
    expect(first.bot[0]).toBe("Today is Wednesday, November 25, it is 09:30.");
  });

  it("books a table over several turns with a fast tool and no filler", async () => {
    const sim = createTextSimulation(compileTestFlow(), { tools: { book: () => "R7" } });
    const first = await sim.start();
    expect(first.bot).toEqual(["Welcome to Chez Nous. For which day, what time, and how many people?"]);
    const second = await sim.say("tomorrow at 7 pm");
    expect(second.bot).toEqual(["How many people?"]);
    expect(second.variables).toMatchObject({ date: "2026-11-26", time: "19:00" });
    const third = await sim.say("four of us");
    expect(third.bot[0]).toContain("A table for 4 on");
    const last = await sim.say("yes that's right");
    expect(last.fillers).toEqual([]);
    expect(last.bot).toEqual(["You're booked, reference R7. Goodbye!"]);
    expect(last.outcome).toBe("booked");
  });

  it("speaks a filler at the budget when the tool takes two seconds, then the answer without overlap", async () => {
    const sim = createTextSimulation(compileTestFlow(), {
      tools: { book: async (_args, call) => { await sleep(sim.clock, 2000, call.signal); return "R8"; } },
    });
    await sim.start();
    await sim.say("tomorrow at 7 pm for 2");
    const step = await sim.say("yes");
    const filler = step.outputs.find((o) => o.type === "filler");
    const start = step.outputs.find((o) => o.type === "speech.start");
    const metrics = step.metrics.at(-1);
    expect(filler).toMatchObject({ text: "Let me check the book." });
    expect(filler && metrics?.finalTranscriptAt !== undefined && filler.at - metrics.finalTranscriptAt).toBe(350);
    expect(start && filler && start.at >= filler.at + "Let me check the book.".length * 65).toBe(true);
    expect(step.bot).toEqual(["You're booked, reference R8. Goodbye!"]);
  });
});

describe("real work inside a virtual-time simulation", () => {
  it("waits for a tool doing real I/O instead of firing its timeout at once", async () => {
    const sim = createTextSimulation(compileTestFlow(), {
      tools: { book: () => new Promise((resolve) => setTimeout(() => resolve("R-real"), 30)) },
    });
    await sim.start();
    await sim.say("tomorrow at 7 pm for 2");
    const step = await sim.say("yes");
    expect(step.bot).toEqual(["You're booked, reference R-real. Goodbye!"]);
  });
});

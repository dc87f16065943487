import { describe, expect, it } from "vitest";
import type { FlowInput } from "@voxchart/flow";
import { sleep } from "../clock/clock";
import { createTextSimulation } from "../simulation/text-simulation";
import { compileTestFlow } from "../test-support/booking-flow";
import { createFillerPicker } from "./filler-picker";

/** A lookup loop: each question runs a slow tool, so every turn needs latency hiding. */
const lookup: FlowInput = {
  schemaVersion: 1,
  id: "lookup",
  name: "Lookup",
  start: "ask",
  settings: { fillers: ["One moment.", "Let me see.", "Just a second."], fillerCooldownMs: 0, latencyBudgetMs: 300 },
  nodes: [
    { id: "ask", kind: "collect", prompt: "Which order number?", slots: [{ name: "order", type: "integer" }] },
    { id: "find", kind: "tool", tool: { type: "function", name: "find" }, args: { order: "order" }, resultVariable: "status" },
    { id: "tell", kind: "say", text: "Order {{ order }} is {{ status }}.", },
    { id: "clear", kind: "decide" },
  ],
  edges: [
    { id: "e1", from: "ask", to: "find", trigger: { type: "filled" } },
    { id: "e2", from: "find", to: "tell", trigger: { type: "toolResult", result: "success" } },
    { id: "e3", from: "find", to: "tell", trigger: { type: "toolResult", result: "error" } },
    { id: "e4", from: "tell", to: "clear", trigger: { type: "always" } },
    { id: "e5", from: "clear", to: "ask", trigger: { type: "always" }, assign: { order: "null" } },
  ],
};

describe("fillers", () => {
  it("gives a fast answer no filler", async () => {
    const sim = createTextSimulation(compileTestFlow(lookup), { tools: { find: async (_a, c) => { await sleep(sim.clock, 200, c.signal); return "shipped"; } } });
    await sim.start();
    const step = await sim.say("42");
    expect(step.fillers).toEqual([]);
    expect(step.bot[0]).toBe("Order 42 is shipped. Which order number?");
  });

  it("never says the same filler twice in a row", async () => {
    const sim = createTextSimulation(compileTestFlow(lookup), { tools: { find: async (_a, c) => { await sleep(sim.clock, 1500, c.signal); return "shipped"; } } });
    await sim.start();
    const fillers: string[] = [];
    for (const n of ["1", "2", "3", "4", "5", "6"]) fillers.push(...(await sim.say(n)).fillers);
    expect(fillers).toHaveLength(6);
    for (let i = 1; i < fillers.length; i++) expect(fillers[i]).not.toBe(fillers[i - 1]);
  });

  it("keeps at most one filler per cooldown", () => {
    const picker = createFillerPicker(4000);
    const options = { progressMessage: null, fillers: ["One moment.", "Let me see."] };
    expect(picker.pick(options, 0)).toBe("One moment.");
    expect(picker.pick(options, 3000)).toBeNull();
    expect(picker.pick(options, 4100)).toBe("Let me see.");
  });

  it("reports turns that exceed the node's latency budgets", async () => {
    const flow: FlowInput = { ...lookup, settings: { ...lookup.settings, budgets: { toolMs: 1000, firstSpeechMs: 800 } } };
    const sim = createTextSimulation(compileTestFlow(flow), { tools: { find: async (_a, c) => { await sleep(sim.clock, 1500, c.signal); return "late"; } } });
    await sim.start();
    const step = await sim.say("7");
    expect(step.metrics.at(-1)?.overBudget).toEqual(expect.arrayContaining(["toolMs"]));
    // The filler came at 300 ms: the caller heard something within the first-speech budget.
    expect(step.metrics.at(-1)?.overBudget).not.toContain("firstSpeechMs");
  });
});

describe("backchannels", () => {
  it("acknowledges a long user turn where the flow allows it", async () => {
    const flow: FlowInput = { ...lookup, settings: { ...lookup.settings, backchannels: true } };
    const sim = createTextSimulation(compileTestFlow(flow), { backchannelIntervalMs: 2000 });
    await sim.start();
    const step = await sim.step(null, async (session, clock) => {
      await clock.advance(5000);
      session.send({ type: "user.speechStarted" });
      await clock.advance(4500);
    });
    expect(step.outputs.filter((o) => o.type === "backchannel")).toHaveLength(2);
  });

  it("stays quiet where the flow does not allow it", async () => {
    const sim = createTextSimulation(compileTestFlow(), {});
    await sim.start();
    const step = await sim.step(null, async (session, clock) => {
      await clock.advance(5000);
      session.send({ type: "user.speechStarted" });
      await clock.advance(6000);
    });
    expect(step.outputs.some((o) => o.type === "backchannel")).toBe(false);
  });
});

describe("the latency budget", () => {
  it("counts from the end of the user's speech, not from the final transcript", async () => {
    const sim = createTextSimulation(compileTestFlow(lookup), { tools: { find: async (_a, c) => { await sleep(sim.clock, 1500, c.signal); return "shipped"; } } });
    await sim.start();
    await sim.clock.advance(5000);
    let stoppedAt = 0;
    const step = await sim.step("42", async (session, clock) => {
      session.send({ type: "user.speechStarted" });
      await clock.advance(600);
      session.send({ type: "user.speechStopped" });
      stoppedAt = clock.now();
      await clock.advance(150); // the recogniser's final transcript comes 150 ms later
      session.send({ type: "user.final", text: "42" });
    });
    const filler = step.outputs.find((o) => o.type === "filler");
    expect(filler && filler.at - stoppedAt).toBe(300);
  });
});

import { describe, expect, it } from "vitest";
import { createActor, waitFor } from "xstate";
import { compileFlow, FlowSchema } from "@voxchart/flow";
import { sampleFlow } from "../test-support/sample-flow";
import { runTestCase } from "../tests/run-test-case";
import { scriptFromSteps } from "../tests/script-from-steps";
import { simulatorMachine } from "./simulator-machine";

function compiled(doc = sampleFlow()) {
  const result = compileFlow(FlowSchema.parse(doc));
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("; "));
  return result.compiled;
}

const settledOrEnded = (s: { value: unknown }) => s.value === "settled" || s.value === "ended" || s.value === "failed";

describe("simulator machine", () => {
  it("runs a conversation to its end node and records it as steps", async () => {
    const actor = createActor(simulatorMachine).start();
    actor.send({ type: "START", compiled: compiled(), tools: {} });
    let snap = await waitFor(actor, settledOrEnded);
    expect(snap.context.nodeId).toBe("ask");
    expect(snap.context.log.filter((e) => e.kind === "bot").map((e) => e.text)).toEqual(["Hello! Welcome. How many people?"]);
    actor.send({ type: "SAY", text: "four people" });
    snap = await waitFor(actor, (s) => s.value === "ended" || s.value === "failed");
    expect(snap.context.error).toBeNull();
    expect(snap.context.outcome).toBe("booked");
    expect(snap.context.variables.party_size).toBe(4);
    expect(snap.context.edges).toEqual(expect.arrayContaining(["e1", "e2", "e4"]));
    expect(snap.context.steps.map((s) => s.input.type)).toEqual(["start", "say"]);
  });

  it("steps back by re-running the conversation without the last user turn", async () => {
    const actor = createActor(simulatorMachine).start();
    actor.send({ type: "START", compiled: compiled(), tools: {} });
    await waitFor(actor, settledOrEnded);
    actor.send({ type: "SAY", text: "twelve people" });
    await waitFor(actor, (s) => s.value === "ended");
    actor.send({ type: "STEP_BACK" });
    const snap = await waitFor(actor, (s) => s.value === "settled");
    expect(snap.context.nodeId).toBe("ask");
    expect(snap.context.steps).toHaveLength(1);
  });

  it("saves a recorded conversation as a test case that passes, then fails at the first changed line", async () => {
    const actor = createActor(simulatorMachine).start();
    actor.send({ type: "START", compiled: compiled(), tools: {} });
    await waitFor(actor, settledOrEnded);
    actor.send({ type: "SAY", text: "4" });
    const { steps } = (await waitFor(actor, (s) => s.value === "ended")).context;
    const testCase = { id: "t1", name: "books", conversation: scriptFromSteps(steps, {}) };
    expect((await runTestCase(compiled(), testCase)).passed).toBe(true);

    const changed = sampleFlow();
    const done = changed.nodes.find((n) => n.id === "done");
    if (done?.kind === "end") done.message = "Enjoy your meal!";
    const result = await runTestCase(compiled(changed), testCase);
    expect(result.passed).toBe(false);
    expect(result.failure).toMatchObject({ turn: 2, input: '"4"', field: "bot", expected: '1 line: "See you soon!"', actual: '"Enjoy your meal!"' });
  });
});

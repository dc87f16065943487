import { describe, expect, it } from "vitest";
import { checkFlow } from "./check-flow";
import { always, intent, makeFlow, on } from "./test-fixtures";

describe("graph/loop-without-exit", () => {
  it("reports a cycle that never listens and never leaves", () => {
    const flow = makeFlow({
      nodes: [
        { id: "a", kind: "say", text: "One" },
        { id: "b", kind: "say", text: "Two" },
      ],
      edges: [always("ab", "a", "b"), always("ba", "b", "a")],
    });
    expect(checkFlow(flow)).toEqual([
      {
        code: "graph/loop-without-exit",
        severity: "error",
        message: 'nodes "a" and "b" loop forever: no node in the loop waits for the caller and no edge leads out of it',
        path: "/nodes/0",
        nodeId: "a",
      },
    ]);
  });

  it("reports a cycle of automatic edges that changes nothing, even with an exit condition", () => {
    const flow = makeFlow({
      variables: { done: { type: "boolean", default: false } },
      nodes: [
        { id: "check", kind: "decide" },
        { id: "wait", kind: "say", text: "Still working." },
        { id: "bye", kind: "end" },
      ],
      edges: [on("out", "check", "bye", { type: "condition", when: "done" }), always("again", "check", "wait"), always("back", "wait", "check")],
    });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "graph/loop-without-exit", nodeId: "check", path: "/nodes/0", message: expect.stringContaining("once entered it never leaves") }),
    ]);
  });

  it("accepts an automatic cycle that assigns on the way round", () => {
    const flow = makeFlow({
      variables: { tries: { type: "integer", default: 0 } },
      nodes: [
        { id: "check", kind: "decide" },
        { id: "wait", kind: "say", text: "Trying again." },
        { id: "bye", kind: "end" },
      ],
      edges: [
        on("out", "check", "bye", { type: "condition", when: "tries >= 3" }),
        always("again", "check", "wait"),
        { id: "back", from: "wait", to: "check", trigger: { type: "always" }, assign: { tries: "tries + 1" } },
      ],
    });
    expect(checkFlow(flow)).toEqual([]);
  });

  it("accepts a loop through a subflow node, whose child may wait for the caller", () => {
    const flow = makeFlow({
      nodes: [
        { id: "again", kind: "say", text: "Once more." },
        { id: "child", kind: "subflow", flow: "./quiz.flow.json" },
      ],
      edges: [always("in", "again", "child"), always("out", "child", "again")],
    });
    expect(checkFlow(flow)).toEqual([]);
  });

  it("accepts a loop through a node that waits for the caller", () => {
    const flow = makeFlow({
      nodes: [
        { id: "ask", kind: "say", text: "Again?" },
        { id: "bye", kind: "end" },
      ],
      edges: [
        on("yes", "ask", "ask", { type: "intent", intent: intent("yes", "yes") }),
        on("no", "ask", "bye", { type: "intent", intent: intent("no", "no") }),
        on("q", "ask", "bye", { type: "noInput" }),
      ],
    });
    expect(checkFlow(flow)).toEqual([]);
  });
});

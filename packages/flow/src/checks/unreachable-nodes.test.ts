import { describe, expect, it } from "vitest";
import { checkFlow } from "./check-flow";
import { always, intent, makeFlow, on } from "./test-fixtures";

/** say → end, clean; tests add one fault each. */
const hello = [
  { id: "hi", kind: "say" as const, text: "Hello" },
  { id: "bye", kind: "end" as const },
];

describe("graph/unreachable", () => {
  it("warns about a node nothing leads to", () => {
    const flow = makeFlow({ nodes: [...hello, { id: "orphan", kind: "end" }], edges: [always("e", "hi", "bye")] });
    expect(checkFlow(flow)).toEqual([
      {
        code: "graph/unreachable",
        severity: "warning",
        message: 'node "orphan" can never be reached from the start node "hi" (no edge or goto handler leads to it)',
        path: "/nodes/2",
        nodeId: "orphan",
      },
    ]);
  });

  it("counts a goto handler active in a listening node as a way in", () => {
    const flow = makeFlow({
      globals: [{ id: "op", intent: intent("operator", "operator"), action: { type: "goto", target: "agent" } }],
      nodes: [
        { id: "ask", kind: "conversation", task: "Chat" },
        { id: "bye", kind: "end" },
        { id: "agent", kind: "transfer", target: "desk" },
      ],
      edges: [on("done", "ask", "bye", { type: "intent", intent: intent("done", "that's all") }), on("quiet", "ask", "bye", { type: "noInput" })],
    });
    expect(checkFlow(flow)).toEqual([]);
  });
});

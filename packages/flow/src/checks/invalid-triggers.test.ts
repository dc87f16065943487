import { describe, expect, it } from "vitest";
import { checkFlow } from "./check-flow";
import { always, intent, makeFlow, on } from "./test-fixtures";

/** say → end, clean; tests add one fault each. */
const hello = [
  { id: "hi", kind: "say" as const, text: "Hello" },
  { id: "bye", kind: "end" as const },
];

describe("graph/invalid-trigger", () => {
  it("reports a trigger the node kind cannot fire", () => {
    const flow = makeFlow({ nodes: hello, edges: [always("e", "hi", "bye"), on("t", "hi", "bye", { type: "toolResult", result: "success" })] });
    expect(checkFlow(flow)).toEqual([
      {
        code: "graph/invalid-trigger",
        severity: "error",
        message: 'edge "t" is never taken: a say node cannot fire a "toolResult" trigger (it fires always, condition, intent, noInput, noMatch)',
        path: "/edges/1/trigger/type",
        edgeId: "t",
        nodeId: "hi",
      },
    ]);
  });

  it("reports noMatch from a decide node", () => {
    const flow = makeFlow({
      nodes: [{ id: "d", kind: "decide" }, { id: "bye", kind: "end" }],
      edges: [always("e", "d", "bye"), on("m", "d", "bye", { type: "noMatch" })],
    });
    expect(checkFlow(flow).map((d) => [d.code, d.edgeId])).toEqual([["graph/invalid-trigger", "m"]]);
  });

  it("reports noInput on a say node that never waits for an answer", () => {
    const flow = makeFlow({ nodes: hello, edges: [always("e", "hi", "bye"), on("q", "hi", "bye", { type: "noInput" })] });
    expect(checkFlow(flow)).toEqual([expect.objectContaining({ code: "graph/invalid-trigger", edgeId: "q", message: expect.stringContaining("never waits") })]);
  });

  it("warns about an edge out of an end node", () => {
    const flow = makeFlow({ nodes: hello, edges: [always("e", "hi", "bye"), always("after", "bye", "hi")] });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "graph/invalid-trigger", severity: "warning", path: "/edges/1", edgeId: "after", nodeId: "bye" }),
    ]);
  });
});

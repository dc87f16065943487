import { describe, expect, it } from "vitest";
import { checkFlow } from "./check-flow";
import { always, intent, makeFlow } from "./test-fixtures";

/** say → end, clean; tests add one fault each. */
const hello = [
  { id: "hi", kind: "say" as const, text: "Hello" },
  { id: "bye", kind: "end" as const },
];

describe("graph/missing-start and graph/missing-target", () => {
  it("reports a start node that does not exist, once", () => {
    const flow = makeFlow({ start: "begin", nodes: hello, edges: [always("e", "hi", "bye")] });
    expect(checkFlow(flow)).toEqual([
      { code: "graph/missing-start", severity: "error", message: 'the start node "begin" does not exist', path: "/start" },
    ]);
  });

  it("reports an edge to a node that does not exist", () => {
    const flow = makeFlow({ nodes: hello, edges: [always("e", "hi", "bye"), always("e2", "bye", "nowhere")] });
    const found = checkFlow(flow).filter((d) => d.code === "graph/missing-target");
    expect(found).toEqual([
      expect.objectContaining({ path: "/edges/1/to", edgeId: "e2", message: 'edge "e2" from "bye" leads to node "nowhere", which does not exist' }),
    ]);
  });

  it("reports an edge from a node that does not exist", () => {
    const flow = makeFlow({ nodes: hello, edges: [always("e", "hi", "bye"), always("ghost", "nobody", "bye")] });
    expect(checkFlow(flow)).toEqual([expect.objectContaining({ code: "graph/missing-target", path: "/edges/1/from", edgeId: "ghost" })]);
  });

  it("reports a goto handler whose target does not exist", () => {
    const flow = makeFlow({
      globals: [{ id: "op", intent: intent("operator", "operator"), action: { type: "goto", target: "agent" } }],
      nodes: hello,
      edges: [always("e", "hi", "bye")],
    });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "graph/missing-target", severity: "error", path: "/globals/0/action/target" }),
    ]);
  });
});

describe("globals/unknown-node", () => {
  it("reports names in nodes and exceptNodes that are no node", () => {
    const flow = makeFlow({
      globals: [{ id: "rep", intent: intent("repeat", "again"), action: { type: "repeat" }, nodes: ["hi", "hello"], exceptNodes: ["by"] }],
      nodes: hello,
      edges: [always("e", "hi", "bye")],
    });
    expect(checkFlow(flow).map((d) => [d.code, d.path, d.message])).toEqual([
      ["globals/unknown-node", "/globals/0/exceptNodes/0", 'global handler "rep" lists node "by" in exceptNodes, but there is no such node'],
      ["globals/unknown-node", "/globals/0/nodes/1", 'global handler "rep" lists node "hello" in nodes, but there is no such node'],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { always, intent, makeFlow, on, restaurantFlow } from "../checks/test-fixtures";
import { FlowSchema } from "../schema";
import { createFlowIndex } from "./flow-index";

describe("createFlowIndex", () => {
  it("keeps the first node of a duplicated id with its position", () => {
    const flow = makeFlow({
      nodes: [
        { id: "a", kind: "say", text: "first" },
        { id: "a", kind: "say", text: "second" },
      ],
    });
    const index = createFlowIndex(flow);
    expect(index.nodes.get("a")).toEqual({ node: flow.nodes[0], index: 0 });
  });

  it("lists outgoing edges in document order and incoming edges per target", () => {
    const flow = makeFlow({
      nodes: [
        { id: "a", kind: "decide" },
        { id: "b", kind: "end" },
        { id: "c", kind: "end" },
      ],
      edges: [
        on("first", "a", "b", { type: "condition", when: "true" }),
        always("second", "a", "c"),
        on("third", "a", "b", { type: "condition", when: "false" }),
      ],
    });
    const index = createFlowIndex(flow);
    expect(index.outgoing.get("a")?.map((e) => [e.edge.id, e.index])).toEqual([
      ["first", 0],
      ["second", 1],
      ["third", 2],
    ]);
    expect(index.incoming.get("b")?.map((e) => e.edge.id)).toEqual(["first", "third"]);
    expect(index.incoming.get("a")).toBeUndefined();
  });

  it("indexes global handlers by id", () => {
    const index = createFlowIndex(FlowSchema.parse(restaurantFlow()));
    expect([...index.globals.keys()]).toEqual(["operator", "repeat", "goodbye"]);
    expect(index.globals.get("repeat")?.index).toBe(1);
  });

  it("reaches nodes by edges and by goto handlers from listening nodes", () => {
    const index = createFlowIndex(FlowSchema.parse(restaurantFlow()));
    expect(index.reachable.has("offer_operator")).toBe(true);
    expect(index.reachable.has("to_operator")).toBe(true);
    expect(index.reachable.size).toBe(10);
  });

  it("marks the nodes entered only through a goto handler as a detour", () => {
    const index = createFlowIndex(FlowSchema.parse(restaurantFlow()));
    // to_operator is also reached by the collect's noMatch edge, so it is not a detour.
    expect([...index.detours]).toEqual(["offer_operator"]);
  });

  it("does not follow a goto handler from a node that never listens", () => {
    const flow = makeFlow({
      globals: [{ id: "help", intent: intent("help", "help"), action: { type: "goto", target: "helper" } }],
      nodes: [
        { id: "a", kind: "say", text: "hi" },
        { id: "b", kind: "end" },
        { id: "helper", kind: "say", text: "help" },
      ],
      edges: [always("e", "a", "b")],
    });
    expect(createFlowIndex(flow).reachable.has("helper")).toBe(false);
  });
});

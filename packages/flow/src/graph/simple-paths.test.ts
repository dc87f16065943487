import { describe, expect, it } from "vitest";
import { always, makeFlow, on, restaurantFlow } from "../checks/test-fixtures";
import { FlowSchema } from "../schema";
import { createFlowIndex } from "./flow-index";
import { simplePaths } from "./simple-paths";

describe("simplePaths", () => {
  it("finds every simple path to the targets, in edge order", () => {
    const index = createFlowIndex(FlowSchema.parse(restaurantFlow()));
    const paths = simplePaths(index, "greet", ["done"]);
    expect(paths.map((p) => p.nodeIds.join(">"))).toEqual([
      "greet>ask_booking>check_size>large_party_note>book>done",
      "greet>ask_booking>check_size>book>done",
    ]);
    expect(paths[0]?.edgeIds).toEqual(["e_greet", "e_filled", "e_large", "e_note", "e_booked"]);
  });

  it("never repeats a node, so loops do not run away", () => {
    const flow = makeFlow({
      nodes: [
        { id: "a", kind: "collect", prompt: "?", slots: [{ name: "x", type: "text" }] },
        { id: "b", kind: "say", text: "again" },
        { id: "z", kind: "end" },
      ],
      edges: [on("fill", "a", "b", { type: "filled" }), always("back", "b", "a"), on("quit", "a", "z", { type: "noInput" })],
    });
    const paths = simplePaths(createFlowIndex(flow), "a", ["z"]);
    expect(paths.map((p) => p.nodeIds)).toEqual([["a", "z"]]);
  });

  it("stops at maxPaths and skips paths longer than maxLength", () => {
    const index = createFlowIndex(FlowSchema.parse(restaurantFlow()));
    expect(simplePaths(index, "greet", ["done"], { maxPaths: 1 })).toHaveLength(1);
    expect(simplePaths(index, "greet", ["done"], { maxLength: 5 }).map((p) => p.nodeIds.length)).toEqual([5]);
  });

  it("returns nothing from an unknown node", () => {
    const index = createFlowIndex(FlowSchema.parse(restaurantFlow()));
    expect(simplePaths(index, "nowhere", ["done"])).toEqual([]);
  });
});

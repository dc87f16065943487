import { describe, expect, it } from "vitest";
import { sampleFlow } from "../test-support/sample-flow";
import { applyChange } from "./edits";

describe("applyChange", () => {
  it("removes a node with every edge that touches it", () => {
    const doc = applyChange(sampleFlow(), { type: "node.remove", ids: ["check"] });
    expect(doc.nodes.map((n) => n.id)).not.toContain("check");
    expect(doc.edges?.map((e) => e.id)).toEqual(["e1", "e5", "e6"]);
  });

  it("renaming a node carries the new id to edges and the start node", () => {
    const before = sampleFlow();
    const greet = before.nodes[0];
    if (!greet) throw new Error("fixture");
    const doc = applyChange(before, { type: "node.update", id: "greet", node: { ...greet, id: "welcome" } });
    expect(doc.start).toBe("welcome");
    expect(doc.edges?.find((e) => e.id === "e1")?.from).toBe("welcome");
  });

  it("moves nodes, rounding positions, and returns the same document for a no-op move", () => {
    const before = sampleFlow();
    const moved = applyChange(before, { type: "node.move", moves: [{ id: "ask", position: { x: 10.4, y: 20.6 } }] });
    expect(moved.nodes[1]?.position).toEqual({ x: 10, y: 21 });
    expect(applyChange(before, { type: "node.move", moves: [{ id: "greet", position: { x: 0, y: 0 } }] })).toBe(before);
  });

  it("applies a batch in order and leaves the input untouched", () => {
    const before = sampleFlow();
    const snapshot = JSON.stringify(before);
    const doc = applyChange(before, {
      type: "batch",
      changes: [
        { type: "edge.remove", ids: ["e4"] },
        { type: "edge.add", edge: { id: "e9", from: "check", to: "bye", trigger: { type: "always" } } },
        { type: "doc.update", patch: { name: "Renamed" } },
      ],
    });
    expect(doc.edges?.map((e) => e.id)).toContain("e9");
    expect(doc.edges?.map((e) => e.id)).not.toContain("e4");
    expect(doc.name).toBe("Renamed");
    expect(JSON.stringify(before)).toBe(snapshot);
  });
});

import { describe, expect, it } from "vitest";
import { sampleFlow } from "../test-support/sample-flow";
import { flowToGraph, unionForDiff } from "./flow-to-graph";
import { autoLayout } from "./layout";
import { applyChange } from "./edits";
import { copySelection, pasteClipboard } from "./clipboard";
import { diffFlows } from "./version-diff";
import { problemsByNode } from "./problems-by-node";

describe("flowToGraph", () => {
  it("gives every node its kind's component and every edge its trigger label", () => {
    const { nodes, edges } = flowToGraph(sampleFlow(), { activeNodeId: "ask", selectedEdges: new Set(["e3"]) });
    expect(nodes.map((n) => n.type)).toEqual(["say", "collect", "decide", "transfer", "end", "end"]);
    expect(nodes.find((n) => n.id === "greet")?.data.isStart).toBe(true);
    expect(nodes.find((n) => n.id === "ask")?.data.active).toBe(true);
    expect(edges.map((e) => e.data?.label)).toEqual(["always", "filled", "party_size > 8", "always", "no input", "no match"]);
    expect(edges.find((e) => e.id === "e3")?.selected).toBe(true);
    expect(nodes.find((n) => n.id === "check")?.data.summary.details).toEqual(["if party_size > 8", "otherwise"]);
  });

  it("skips edges to @return and to missing nodes", () => {
    const doc = applyChange(sampleFlow(), { type: "edge.add", edge: { id: "r", from: "greet", to: "@return", trigger: { type: "always" } } });
    const broken = applyChange(doc, { type: "edge.add", edge: { id: "m", from: "greet", to: "nowhere", trigger: { type: "always" } } });
    expect(flowToGraph(broken).edges.map((e) => e.id)).not.toContain("r");
    expect(flowToGraph(broken).edges.map((e) => e.id)).not.toContain("m");
  });
});

describe("autoLayout", () => {
  it("places each edge's target below its source", () => {
    const laid = applyChange(sampleFlow(), autoLayout(sampleFlow()));
    const y = (id: string) => laid.nodes.find((n) => n.id === id)?.position?.y ?? NaN;
    expect(y("ask")).toBeGreaterThan(y("greet"));
    expect(y("check")).toBeGreaterThan(y("ask"));
    expect(y("done")).toBeGreaterThan(y("check"));
  });
});

describe("copy and paste", () => {
  it("pastes fresh ids and keeps the edges between the copied nodes", () => {
    const doc = sampleFlow();
    const clip = copySelection(doc, ["ask", "check"]);
    if (!clip) throw new Error("nothing copied");
    expect(clip.edges.map((e) => e.id)).toEqual(["e2"]);
    const { change, ids } = pasteClipboard(doc, clip);
    const next = applyChange(doc, change);
    expect(ids).toHaveLength(2);
    expect(new Set(next.nodes.map((n) => n.id)).size).toBe(next.nodes.length);
    const pasted = next.edges?.at(-1);
    expect(pasted && ids.includes(pasted.from) && ids.includes(pasted.to)).toBe(true);
    expect(new Set(next.edges?.map((e) => e.id)).size).toBe(next.edges?.length);
  });
});

describe("diffFlows", () => {
  it("reports added, removed and changed nodes and edges, ignoring moves", () => {
    const before = sampleFlow();
    let after = applyChange(before, { type: "node.remove", ids: ["big"] });
    after = applyChange(after, { type: "node.move", moves: [{ id: "greet", position: { x: 500, y: 500 } }] });
    after = applyChange(after, { type: "node.update", id: "done", node: { id: "done", kind: "end", message: "Bye!", outcome: "booked" } });
    after = applyChange(after, { type: "node.add", nodes: [{ id: "extra", kind: "say", text: "Hi" }] });
    const diff = diffFlows(before, after);
    expect(Object.fromEntries(diff.nodes)).toEqual({ big: "removed", done: "changed", extra: "added" });
    expect(Object.fromEntries(diff.edges)).toEqual({ e3: "removed" });
    expect(unionForDiff(before, after).nodes.map((n) => n.id)).toContain("big");
  });
});

describe("problemsByNode", () => {
  it("puts edge diagnostics on the edge's source node", () => {
    const map = problemsByNode(sampleFlow(), [
      { code: "graph/dead-end", severity: "error", message: "dead end", path: "/nodes/1", nodeId: "ask" },
      { code: "expr/syntax", severity: "warning", message: "bad", path: "/edges/2/trigger/when" },
    ]);
    expect(map.get("ask")).toEqual({ errors: 1, warnings: 0, first: "dead end" });
    expect(map.get("check")?.warnings).toBe(1);
  });
});

describe("freePosition", () => {
  it("moves a new node right until it overlaps nothing", async () => {
    const { freePosition } = await import("./new-node");
    const p = freePosition(sampleFlow(), { x: 0, y: 10 });
    expect(p.y).toBe(10);
    expect(p.x).toBeGreaterThanOrEqual(300);
  });
});

describe("reuseUnchanged", () => {
  it("keeps the objects of untouched nodes and edges after an edit", async () => {
    const { reuseUnchanged } = await import("./reuse-unchanged");
    const doc = sampleFlow();
    const first = flowToGraph(doc);
    const edited = applyChange(doc, { type: "node.move", moves: [{ id: "ask", position: { x: 5, y: 5 } }] });
    const second = reuseUnchanged(first, flowToGraph(edited));
    expect(second.nodes.filter((n, i) => n === first.nodes[i]).map((n) => n.id)).toEqual(["greet", "check", "big", "done", "bye"]);
    expect(second.edges.every((e, i) => e === first.edges[i])).toBe(true);
    expect(second.edges).toBe(first.edges);
    expect(second.nodes).not.toBe(first.nodes);
  });

  it("gives a node that was only (de)selected a new object with the same data, so its card is not drawn again", async () => {
    const { reuseUnchanged } = await import("./reuse-unchanged");
    const doc = sampleFlow();
    const first = flowToGraph(doc);
    const second = reuseUnchanged(first, flowToGraph(doc, { selectedNodes: new Set(["ask"]) }));
    const index = first.nodes.findIndex((n) => n.id === "ask");
    expect(second.nodes[index]).not.toBe(first.nodes[index]);
    expect(second.nodes[index]?.selected).toBe(true);
    expect(second.nodes[index]?.data).toBe(first.nodes[index]?.data);
    expect(second.nodes.filter((n, i) => n === first.nodes[i]).length).toBe(first.nodes.length - 1);
  });
});

import { describe, expect, it } from "vitest";
import { stronglyConnected } from "./strongly-connected";

describe("stronglyConnected", () => {
  it("groups cycles and leaves acyclic vertices alone", () => {
    const graph: Record<string, string[]> = { a: ["b"], b: ["c"], c: ["a", "d"], d: [], e: ["e"] };
    const components = stronglyConnected(Object.keys(graph), (v) => graph[v] ?? []);
    const sorted = components.map((c) => [...c].sort()).sort((x, y) => x.join().localeCompare(y.join()));
    expect(sorted).toEqual([["a", "b", "c"], ["d"], ["e"]]);
  });

  it("handles long chains without recursion", () => {
    const n = 20_000;
    const vertices = Array.from({ length: n }, (_, i) => `v${i}`);
    const components = stronglyConnected(vertices, (v) => {
      const i = Number(v.slice(1));
      return i + 1 < n ? [`v${i + 1}`] : ["v0"];
    });
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});

import { describe, expect, it } from "vitest";
import type { SubflowDiffDto } from "../shared/api-schemas";
import { describeFlowChanges, describeSubflowChanges, diffShowsNoChanges } from "./diff-summary";

const none = { nodes: {}, edges: {}, other: [] };
const labels = { from: "v1", to: "v2" };
const identity = { ref: "identity", name: "Identity check", via: [] };

describe("the diff summary", () => {
  it("counts node and edge changes by kind, then names the other parts that changed", () => {
    expect(describeFlowChanges({ nodes: { a: "changed", b: "changed", c: "added" }, edges: { e1: "added" }, other: ["settings", "tools"] })).toBe(
      "1 node added, 2 nodes changed, 1 edge added, settings, tools changed",
    );
    expect(describeFlowChanges(none)).toBe("");
  });

  it("writes a line per subflow that changed, and none for an unchanged one", () => {
    const subflows: SubflowDiffDto[] = [
      { ...identity, status: "changed", diff: { nodes: { x: "changed", y: "changed" }, edges: { e: "added" }, other: [] } },
      { ref: "dob", name: "Date of birth", via: ["identity"], status: "added" },
      { ref: "kept", name: "Kept", via: [], status: "unchanged" },
      { ref: "old", name: "Old", via: [], status: "removed" },
    ];
    expect(describeSubflowChanges(subflows, labels)).toEqual([
      "Subflow “Identity check”: 2 nodes changed, 1 edge added",
      "Subflow “Date of birth” (called by “Identity check”): added (v2 calls it, v1 did not)",
      "Subflow “Old”: removed (v1 called it, v2 does not)",
    ]);
  });

  it("says a subflow a version did not pin may have changed, naming that version", () => {
    const line = describeSubflowChanges([{ ...identity, status: "not-pinned", notPinnedIn: ["from"] }], labels);
    expect(line).toEqual(["Subflow “Identity check”: not pinned in v1 (published before versions embedded their subflows), so whether it changed is not known"]);
  });

  it("shows no changes only when the caller and every subflow are known to be unchanged", () => {
    expect(diffShowsNoChanges(none, [{ ...identity, status: "unchanged" }])).toBe(true);
    expect(diffShowsNoChanges(none, [{ ...identity, status: "changed", diff: { ...none, other: ["name"] } }])).toBe(false);
    expect(diffShowsNoChanges(none, [{ ...identity, status: "not-pinned", notPinnedIn: ["from"] }])).toBe(false);
    expect(diffShowsNoChanges({ ...none, nodes: { a: "removed" } }, [])).toBe(false);
  });
});

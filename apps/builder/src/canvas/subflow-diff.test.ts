import { describe, expect, it } from "vitest";
import { diffSubflows, reachableSubflows } from "./subflow-diff";

type Doc = Record<string, unknown>;

/** A flow calling `calls` in turn, then saying `text` and ending. */
const flow = (id: string, calls: string[] = [], text = "Bye.") => ({
  schemaVersion: 1,
  id,
  name: `${id} flow`,
  start: calls.length ? "call0" : "say",
  nodes: [
    ...calls.map((ref, i) => ({ id: `call${i}`, kind: "subflow", flow: ref, position: { x: 0, y: i * 100 } })),
    { id: "say", kind: "say", text },
    { id: "bye", kind: "end" },
  ],
  edges: [
    ...calls.map((_, i) => ({ id: `e${i}`, from: `call${i}`, to: i + 1 < calls.length ? `call${i + 1}` : "say", trigger: { type: "always" } })),
    { id: "e-end", from: "say", to: "bye", trigger: { type: "always" } },
  ],
});

/** A published bundle: the caller with `subflows` embedded at its root. */
const bundle = (caller: Doc, subflows: Record<string, Doc>) => ({ ...caller, subflows });

describe("the subflow diff", () => {
  it("reports a subflow unchanged when both versions embed the same copy, moved nodes included", () => {
    const moved = flow("b");
    moved.nodes[0] = { ...moved.nodes[0], position: { x: 500, y: 500 } } as (typeof moved.nodes)[number];
    const diff = diffSubflows(bundle(flow("a", ["id-b"]), { "id-b": flow("b") }), bundle(flow("a", ["id-b"]), { "id-b": moved }));
    expect(diff).toEqual([{ ref: "id-b", name: "b flow", via: [], status: "unchanged" }]);
  });

  it("reports a changed subflow with its own node, edge and other changes by id", () => {
    const before = bundle(flow("a", ["id-b"]), { "id-b": flow("b", [], "See you.") });
    const edited = flow("b", [], "Goodbye now.");
    const after = bundle(flow("a", ["id-b"]), {
      "id-b": { ...edited, description: "now described", nodes: [...edited.nodes, { id: "extra", kind: "end" }], edges: edited.edges.filter((e) => e.id !== "e-end") },
    });
    expect(diffSubflows(before, after)).toEqual([
      { ref: "id-b", name: "b flow", via: [], status: "changed", diff: { nodes: { say: "changed", extra: "added" }, edges: { "e-end": "removed" }, other: ["description"] } },
    ]);
  });

  it("reports a subflow only the newer side calls as added and one only the older calls as removed", () => {
    const before = bundle(flow("a", ["id-b"]), { "id-b": flow("b") });
    const after = bundle(flow("a", ["id-c"]), { "id-c": flow("c") });
    expect(diffSubflows(before, after)).toEqual([
      { ref: "id-c", name: "c flow", via: [], status: "added" },
      { ref: "id-b", name: "b flow", via: [], status: "removed" },
    ]);
  });

  it("reports nothing for flows that call no subflows", () => {
    expect(diffSubflows(flow("a"), flow("a", [], "Changed."))).toEqual([]);
  });

  it("says a subflow is not pinned, not unchanged, when a version from before pinning calls it without embedding it", () => {
    const legacy = flow("a", ["id-b"]);
    const pinned = bundle(flow("a", ["id-b"]), { "id-b": flow("b") });
    expect(diffSubflows(legacy, pinned)).toEqual([{ ref: "id-b", name: "b flow", via: [], status: "not-pinned", notPinnedIn: ["from"] }]);
    expect(diffSubflows(pinned, legacy)).toEqual([{ ref: "id-b", name: "b flow", via: [], status: "not-pinned", notPinnedIn: ["to"] }]);
    // Neither side embeds it: named as the builder names it now.
    expect(diffSubflows(legacy, legacy, (ref) => (ref === "id-b" ? "Identity" : undefined))).toEqual([
      { ref: "id-b", name: "Identity", via: [], status: "not-pinned", notPinnedIn: ["from", "to"] },
    ]);
  });

  it("does not claim a grandchild was added when the older side's child was not pinned (it may have called it)", () => {
    const legacy = flow("a", ["id-b"]);
    const pinned = bundle(flow("a", ["id-b"]), { "id-b": flow("b", ["id-c"]), "id-c": flow("c") });
    expect(diffSubflows(legacy, pinned).map((s) => [s.ref, s.status])).toEqual([
      ["id-b", "not-pinned"],
      ["id-c", "not-pinned"],
    ]);
  });

  it("compares grandchildren a bundle keeps at its root, naming the child they are called through", () => {
    const before = bundle(flow("a", ["id-b"]), { "id-b": flow("b", ["id-c"]), "id-c": flow("c", [], "Old.") });
    const after = bundle(flow("a", ["id-b"]), { "id-b": flow("b", ["id-c"]), "id-c": flow("c", [], "New.") });
    expect(diffSubflows(before, after)).toEqual([
      { ref: "id-b", name: "b flow", via: [], status: "unchanged" },
      { ref: "id-c", name: "c flow", via: ["id-b"], status: "changed", diff: { nodes: { say: "changed" }, edges: {}, other: [] } },
    ]);
  });

  it("compares grandchildren a child embeds itself, as the flow package resolves them (the child's copy first)", () => {
    const child = (text: string) => ({ ...flow("b", ["id-c"]), subflows: { "id-c": flow("c", [], text) } });
    const before = bundle(flow("a", ["id-b"]), { "id-b": child("Old."), "id-c": flow("c", [], "Shadowed.") });
    const after = bundle(flow("a", ["id-b"]), { "id-b": child("New."), "id-c": flow("c", [], "Shadowed.") });
    const grandchild = diffSubflows(before, after).find((s) => s.ref === "id-c");
    expect(grandchild).toMatchObject({ via: ["id-b"], status: "changed", diff: { nodes: { say: "changed" } } });
  });

  it("adds and removes a grandchild with the child that calls it", () => {
    const before = bundle(flow("a", ["id-b"]), { "id-b": flow("b", ["id-c"]), "id-c": flow("c") });
    const after = flow("a");
    expect(diffSubflows(before, after).map((s) => [s.ref, s.status, s.via])).toEqual([
      ["id-b", "removed", []],
      ["id-c", "removed", ["id-b"]],
    ]);
  });

  it("walks a cycle of subflows once", () => {
    const looped = bundle(flow("a", ["id-b"]), { "id-b": flow("b", ["id-a"]), "id-a": flow("a", ["id-b"]) });
    expect([...reachableSubflows(looped).keys()]).toEqual(["id-b", "id-a"]);
    expect(diffSubflows(looped, looped).every((s) => s.status === "unchanged")).toBe(true);
  });

  it("includes embedded flows nothing calls any more: they are part of the bundle", () => {
    const before = bundle(flow("a"), { orphan: flow("o", [], "Old.") });
    const after = bundle(flow("a"), { orphan: flow("o", [], "New.") });
    expect(diffSubflows(before, after)).toMatchObject([{ ref: "orphan", status: "changed" }]);
  });

  it("diffs a child draft that is not a valid flow by the structure it has", () => {
    const before = bundle(flow("a", ["id-b"]), { "id-b": { name: "broken" } });
    const after = bundle(flow("a", ["id-b"]), { "id-b": flow("b") });
    expect(diffSubflows(before, after)).toMatchObject([{ ref: "id-b", status: "changed", diff: { nodes: { say: "added", bye: "added" } } }]);
  });
});

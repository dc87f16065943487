import { describe, expect, it } from "vitest";
import { isUnpinnedVersion, versionCalls, versionToSend, withoutPinnedSubflows } from "./pinned-subflows";

const flow = (id: string, calls: string[] = []) => ({
  schemaVersion: 1,
  id,
  name: `${id} flow`,
  start: calls.length ? "call0" : "bye",
  nodes: [...calls.map((ref, i) => ({ id: `call${i}`, kind: "subflow", flow: ref })), { id: "bye", kind: "end" }],
  edges: calls.map((_, i) => ({ id: `e${i}`, from: `call${i}`, to: i + 1 < calls.length ? `call${i + 1}` : "bye", trigger: { type: "always" } })),
});

const noLoad = async () => {
  throw new Error("a pinned version must not read any draft");
};

describe("pinned subflows", () => {
  it("sends a pinned version as it is stored, reading no draft", async () => {
    const version = { ...flow("a", ["id-b"]), subflows: { "id-b": flow("b") } };
    expect(await versionToSend(version, noLoad)).toBe(version);
    const callsNothing = flow("a");
    expect(await versionToSend(callsNothing, noLoad)).toBe(callsNothing);
  });

  it("bundles a version from before pinning with the children's current drafts", async () => {
    const legacy = flow("a", ["id-b"]);
    expect(isUnpinnedVersion(legacy)).toBe(true);
    const sent = await versionToSend(legacy, async (ref) => (ref === "id-b" ? flow("b-today") : null));
    expect((sent.subflows as Record<string, { id: string }>)["id-b"]?.id).toBe("b-today");
  });

  it("strips the embedded copies of builder flows when a version becomes the draft again", async () => {
    const version = { ...flow("a", ["id-b"]), subflows: { "id-b": flow("b", ["id-c"]), "id-c": flow("c") } };
    const draft = withoutPinnedSubflows(version, () => true);
    expect(draft).not.toHaveProperty("subflows");
    expect(draft.nodes).toEqual(version.nodes);
  });

  it("keeps embedded flows no builder flow answers, so their references still resolve", async () => {
    const imported = { ...flow("a", ["id-b", "x"]), subflows: { "id-b": flow("b"), x: flow("x") } };
    expect(withoutPinnedSubflows(imported, (ref) => ref === "id-b").subflows).toEqual({ x: flow("x") });
  });

  it("lists what a version calls: embedded ones by their name, unpinned ones by the builder's", () => {
    const pinned = { ...flow("a", ["id-b"]), subflows: { "id-b": flow("b", ["id-c"]), "id-c": flow("c") } };
    expect(versionCalls(pinned)).toEqual([
      { ref: "id-b", name: "b flow", pinned: true },
      { ref: "id-c", name: "c flow", pinned: true },
    ]);
    expect(versionCalls(flow("a", ["id-b"]), () => "Identity")).toEqual([{ ref: "id-b", name: "Identity", pinned: false }]);
    expect(versionCalls({ nodes: "not a list" })).toEqual([]);
  });
});

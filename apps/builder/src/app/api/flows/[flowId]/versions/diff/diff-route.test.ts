import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { DiffDtoSchema, type DiffDto } from "@/shared/api-schemas";

// A fresh SQLite file seeded with the clinic example only: "Riverside Clinic" calls the identity
// check through its subflow node "verify" (the seed rewrites the file reference to the flow's id).
const dir = mkdtempSync(path.join(tmpdir(), "vx-diff-"));
cpSync(fileURLToPath(new URL("../../../../../../../../../examples/clinic", import.meta.url)), path.join(dir, "examples", "clinic"), { recursive: true });
process.env.VOXCHART_DB = path.join(dir, "test.db");
process.env.VOXCHART_EXAMPLES_DIR = path.join(dir, "examples");

const diff = await import("./route");
const versions = await import("../route");
const draft = await import("../../draft/route");
const store = await import("@/server/store");

type Doc = Record<string, unknown>;
type Node = { id: string; kind: string; text?: string };
const ctx = (flowId: string) => ({ params: Promise.resolve({ flowId }) });
const json = (method: string, body: unknown) => new Request("http://test/api", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const seeded = await (async () => {
  const flows = await store.listFlows();
  const clinic = flows.find((f) => f.name.startsWith("Riverside Clinic"));
  const identity = flows.find((f) => f.name.startsWith("Identity check"));
  if (!clinic || !identity) throw new Error("the clinic example was not seeded");
  return { clinicId: clinic.id, identityId: identity.id, identityName: identity.name };
})();

/** Saves a flow's draft with one node's text changed, through the draft route. */
async function editText(flowId: string, nodeId: string, text: string): Promise<void> {
  const flow = await store.getFlow(flowId);
  const nodes = (flow.document.nodes as Node[]).map((n) => (n.id === nodeId ? { ...n, text } : n));
  const saved = await draft.PUT(json("PUT", { expectedRevision: flow.draftRevision, document: { ...flow.document, nodes } }), ctx(flowId));
  expect(saved.status).toBe(200);
}

/** Publishes the draft through the versions route; its id. */
async function publish(flowId: string): Promise<string> {
  const response = await versions.POST(json("POST", { note: "" }), ctx(flowId));
  expect(response.status).toBe(201);
  return ((await response.json()) as { version: { id: string } }).version.id;
}

async function diffOf(flowId: string, from: string, to: string): Promise<DiffDto> {
  const response = await diff.GET(new Request(`http://t/diff?from=${from}&to=${to}`), ctx(flowId));
  expect(response.status).toBe(200);
  return DiffDtoSchema.parse(await response.json());
}

describe("the version diff API compares the subflows a version embeds", () => {
  let clinicId = "";
  const { identityId, identityName } = seeded;
  beforeEach(async () => {
    clinicId = (await store.duplicateFlow(seeded.clinicId)).id;
  });
  afterAll(async () => (await store.database()).close());

  it("reports the child as changed between two versions that differ only in it", async () => {
    await editText(identityId, "try_again", "Let's try once more.");
    const v1 = await publish(clinicId);
    await editText(identityId, "try_again", "One more time, please.");
    const v2 = await publish(clinicId);
    const d = await diffOf(clinicId, v1, v2);
    expect({ nodes: d.nodes, edges: d.edges, other: d.other }).toEqual({ nodes: {}, edges: {}, other: [] });
    expect(d.subflows).toEqual([{ ref: identityId, name: identityName, via: [], status: "changed", diff: { nodes: { try_again: "changed" }, edges: {}, other: [] } }]);
  });

  it("compares a version with the draft as publishing it would embed the children now", async () => {
    await editText(identityId, "try_again", "Pinned wording.");
    const v1 = await publish(clinicId);
    expect((await diffOf(clinicId, v1, "draft")).subflows).toMatchObject([{ ref: identityId, status: "unchanged" }]);
    // Only the child's draft changes: the caller's draft is the same, yet a new version would differ.
    await editText(identityId, "try_again", "Draft wording.");
    const d = await diffOf(clinicId, v1, "draft");
    expect(d.nodes).toEqual({});
    expect(d.subflows).toMatchObject([{ ref: identityId, status: "changed", diff: { nodes: { try_again: "changed" } } }]);
  });

  it("says a version published before pinning did not pin the child instead of calling it unchanged", async () => {
    // What publishing stored before versions embedded their subflows: the draft as it is.
    const legacy = await (await store.database()).versions.publish({ flowId: clinicId, note: "before pinning" });
    const pinned = await publish(clinicId);
    const d = await diffOf(clinicId, legacy.id, pinned);
    expect(d.subflows).toEqual([{ ref: identityId, name: identityName, via: [], status: "not-pinned", notPinnedIn: ["from"] }]);
  });

  it("answers 422 naming the node when the draft calls a flow the builder does not have, as publishing would", async () => {
    const v1 = await publish(clinicId);
    await store.deleteFlow(identityId);
    try {
      const response = await diff.GET(new Request(`http://t/diff?from=${v1}&to=draft`), ctx(clinicId));
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: Doc }).error).toMatchObject({ code: "invalid-flow", details: { nodeId: "verify", ref: identityId } });
    } finally {
      await (await store.database()).flows.restore(identityId);
    }
  });
});

import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { compileFlow, FlowSchema } from "@voxchart/flow";
import { isDbError } from "@voxchart/db";

// A fresh SQLite file seeded with the clinic example only: "Riverside Clinic" calls the identity
// check through a subflow node (the seed rewrites its file reference to the identity flow's id).
const dir = mkdtempSync(path.join(tmpdir(), "vx-versions-"));
cpSync(fileURLToPath(new URL("../../../../examples/clinic", import.meta.url)), path.join(dir, "examples", "clinic"), { recursive: true });
process.env.VOXCHART_DB = path.join(dir, "test.db");
process.env.VOXCHART_EXAMPLES_DIR = path.join(dir, "examples");

const store = await import("./store");

type Doc = Record<string, unknown>;
const nodesOf = (doc: Doc) => doc.nodes as { id: string; kind: string; text?: string }[];

/** The seeded clinic flow and its identity-check child (their ids, found once before any copy exists). */
const seeded = await (async () => {
  const flows = await store.listFlows();
  const clinic = flows.find((f) => f.name.startsWith("Riverside Clinic"));
  const identity = flows.find((f) => f.name.startsWith("Identity check"));
  if (!clinic || !identity || flows.length !== 2) throw new Error("the clinic example was not seeded");
  return { clinicId: clinic.id, identityId: identity.id };
})();

/** Each test works on its own copy of the clinic caller, calling the one identity flow. */
async function clinicAndIdentity() {
  const copy = await store.duplicateFlow(seeded.clinicId);
  return { clinicId: copy.id, identityId: seeded.identityId };
}

/** Changes the identity check's retry line in its draft: a change in the child alone. */
async function editIdentity(identityId: string, text: string): Promise<void> {
  const identity = await store.getFlow(identityId);
  const nodes = nodesOf(identity.document).map((n) => (n.id === "try_again" ? { ...n, text } : n));
  await store.saveDraft(identityId, identity.draftRevision, { ...identity.document, nodes });
}

/** Changes the caller's greeting in its draft. */
async function editGreeting(flowId: string, text: string): Promise<void> {
  const flow = await store.getFlow(flowId);
  const nodes = nodesOf(flow.document).map((n) => (n.id === "greet" ? { ...n, text } : n));
  await store.saveDraft(flowId, flow.draftRevision, { ...flow.document, nodes });
}

const retryLine = (doc: Doc | undefined) => nodesOf(doc ?? { nodes: [] }).find((n) => n.id === "try_again")?.text;
const pinned = (doc: Doc, ref: string) => (doc.subflows as Record<string, Doc> | undefined)?.[ref];

describe("published versions pin the subflows they call", () => {
  let clinicId = "";
  let identityId = "";
  beforeEach(async () => {
    ({ clinicId, identityId } = await clinicAndIdentity());
  });
  afterAll(async () => (await store.database()).close());

  it("publishing stores the caller with its subflows embedded as their drafts are at that moment", async () => {
    await editIdentity(identityId, "Let's try once more.");
    const v1 = await store.publishVersion(clinicId, "pinned");
    expect(v1.calls).toEqual([{ ref: identityId, name: "Identity check (name and date of birth)", pinned: true }]);
    const stored = (await store.getVersion(clinicId, v1.id)).document as Doc;
    expect(retryLine(pinned(stored, identityId))).toBe("Let's try once more.");
    // The version stands alone: it compiles with no resolver, as the runtime and the CLI load it.
    expect(compileFlow(FlowSchema.parse(stored)).ok).toBe(true);
    // A later change to the child leaves the version as it was published.
    await editIdentity(identityId, "Changed after v1.");
    expect(retryLine(pinned((await store.getVersion(clinicId, v1.id)).document as Doc, identityId))).toBe("Let's try once more.");
    expect((await store.listVersions(clinicId))[0]?.calls.map((c) => c.pinned)).toEqual([true]);
  });

  it("a change in a subflow alone makes a new version, and the same bundle again is unchanged", async () => {
    await editIdentity(identityId, "First wording.");
    const v1 = await store.publishVersion(clinicId, "");
    const same = await store.publishVersion(clinicId, "").catch((e: unknown) => e);
    expect(isDbError(same, "unchanged") && same.details.versionId).toBe(v1.id);
    await editIdentity(identityId, "Second wording.");
    const v2 = await store.publishVersion(clinicId, "child changed");
    expect(v2.number).toBe(v1.number + 1);
    expect(v2.contentHash).not.toBe(v1.contentHash);
    // The deploy path finds the same thing: the draft's bundle is v2 now, not v1.
    const candidate = await store.deployCandidate(clinicId);
    expect(candidate.kind === "version" && candidate.version.id).toBe(v2.id);
  });

  it("publishes nothing when the draft was saved since the revision given (the bundle is of that revision)", async () => {
    const flow = await store.getFlow(clinicId);
    await editGreeting(clinicId, "Riverside Clinic, hello.");
    const stale = await store.publishVersion(clinicId, "", flow.draftRevision).catch((e: unknown) => e);
    expect(isDbError(stale, "conflict")).toBe(true);
    expect(await store.listVersions(clinicId)).toEqual([]);
  });

  it("restoring a version puts back the caller only, without the subflows it embedded", async () => {
    await editIdentity(identityId, "Pinned in v1.");
    const v1 = await store.publishVersion(clinicId, "");
    await editGreeting(clinicId, "A new greeting.");
    await editIdentity(identityId, "Edited since v1.");
    const restored = await store.rollback(clinicId, v1.id);
    expect(restored.document.subflows).toBeUndefined();
    expect(nodesOf(restored.document).find((n) => n.id === "greet")?.text).toBe("Riverside Clinic, appointment line.");
    // The child keeps its own draft, even though v1 embeds another one: children are edited on their own pages.
    expect(retryLine((await store.getFlow(identityId)).document)).toBe("Edited since v1.");
    // The restored draft calls today's child, so it publishes as a new version, not as v1.
    const v2 = await store.publishVersion(clinicId, "");
    expect(v2.number).toBe(2);
  });

  it("refuses to publish a draft calling a flow the builder does not have, naming the node", async () => {
    await store.deleteFlow(identityId);
    try {
      const error = await store.publishVersion(clinicId, "").catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "invalid-flow", details: { nodeId: "verify", ref: identityId } });
    } finally {
      await (await store.database()).flows.restore(identityId);
    }
  });
});

import { expect, it } from "vitest";
import { contentHash } from "../json/canonical-json";
import { describeForEachDatabase } from "../testing/database-fixture";
import { errorOf } from "../testing/error-of";

describeForEachDatabase("versions", ({ db, reopen }) => {
  it("publishes the draft as version 1, 2 … with the sha256 of its canonical JSON", async () => {
    const flow = await db().flows.create({ name: "F", document: { b: 1, a: 2 } });
    const v1 = await db().versions.publish({ flowId: flow.id, note: "first" });
    expect(v1).toMatchObject({ flowId: flow.id, number: 1, note: "first", document: { a: 2, b: 1 } });
    expect(v1.contentHash).toBe(contentHash({ a: 2, b: 1 }));
    await db().flows.saveDraft({ id: flow.id, expectedRevision: 1, document: { a: 3 } });
    const v2 = await db().versions.publish({ flowId: flow.id });
    expect(v2.number).toBe(2);
    expect((await db().versions.list(flow.id)).map((v) => v.number)).toEqual([2, 1]);
    expect(await db().versions.get({ id: v1.id })).toEqual(v1);
    expect(await db().versions.get({ flowId: flow.id, number: 2 })).toEqual(v2);
  });

  it("reports publishing an unchanged draft as `unchanged`, naming the version, and writes nothing", async () => {
    const flow = await db().flows.create({ name: "F", document: { a: 1, b: 2 } });
    const v1 = await db().versions.publish({ flowId: flow.id });
    // Same content, other key order: still unchanged.
    await db().flows.saveDraft({ id: flow.id, expectedRevision: 1, document: { b: 2, a: 1 } });
    const error = await errorOf(db().versions.publish({ flowId: flow.id }));
    expect(error.code).toBe("unchanged");
    expect(error.details).toMatchObject({ versionId: v1.id, number: 1 });
    expect(error.message).toMatch(/identical to published version 1/);
    expect(await db().versions.list(flow.id)).toHaveLength(1);
  });

  it("keeps versions immutable when the draft changes afterwards", async () => {
    const flow = await db().flows.create({ name: "F", document: { a: 1 } });
    const v1 = await db().versions.publish({ flowId: flow.id });
    await db().flows.saveDraft({ id: flow.id, expectedRevision: 1, document: { a: "changed" } });
    expect((await db().versions.get({ id: v1.id })).document).toEqual({ a: 1 });
  });

  it("publishes only the expected draft revision when one is given", async () => {
    const flow = await db().flows.create({ name: "F", document: { a: 1 } });
    await db().flows.saveDraft({ id: flow.id, expectedRevision: 1, document: { a: 2 } });
    expect((await errorOf(db().versions.publish({ flowId: flow.id, expectedRevision: 1 }))).code).toBe("conflict");
    expect((await db().versions.publish({ flowId: flow.id, expectedRevision: 2 })).number).toBe(1);
  });

  it("publishes a given document instead of the draft, hashing what it stores", async () => {
    const flow = await db().flows.create({ name: "F", document: { step: 1 } });
    const bundle = { step: 1, subflows: { child: { step: "a" } } };
    const v1 = await db().versions.publish({ flowId: flow.id, expectedRevision: 1, document: bundle });
    expect(v1).toMatchObject({ number: 1, document: bundle, contentHash: contentHash(bundle) });
    // The draft itself is untouched: the document is only what the version stores.
    expect((await db().flows.get({ id: flow.id })).document).toEqual({ step: 1 });
  });

  it("makes a new version when only the given document changed, and reports the same one as unchanged", async () => {
    const flow = await db().flows.create({ name: "F", document: { step: 1 } });
    const v1 = await db().versions.publish({ flowId: flow.id, expectedRevision: 1, document: { step: 1, subflows: { child: { step: "a" } } } });
    // Same draft, a child changed: a new version.
    const v2 = await db().versions.publish({ flowId: flow.id, expectedRevision: 1, document: { step: 1, subflows: { child: { step: "b" } } } });
    expect(v2.number).toBe(2);
    const again = await errorOf(db().versions.publish({ flowId: flow.id, expectedRevision: 1, document: { subflows: { child: { step: "a" } }, step: 1 } }));
    expect(again).toMatchObject({ code: "unchanged", details: { versionId: v1.id, number: 1 } });
    expect(await db().versions.list(flow.id)).toHaveLength(2);
  });

  it("publishes a given document only while the draft is at the revision it was made from", async () => {
    const flow = await db().flows.create({ name: "F", document: { step: 1 } });
    await db().flows.saveDraft({ id: flow.id, expectedRevision: 1, document: { step: 2 } });
    const stale = await errorOf(db().versions.publish({ flowId: flow.id, expectedRevision: 1, document: { step: 1, subflows: {} } }));
    expect(stale.code).toBe("conflict");
    const unanchored = await errorOf(db().versions.publish({ flowId: flow.id, document: { step: 2 } }));
    expect(unanchored.code).toBe("invalid-input");
    expect(unanchored.message).toMatch(/expectedRevision/);
    expect(await db().versions.list(flow.id)).toEqual([]);
  });

  it("rolls back: a version's document becomes the next draft revision", async () => {
    const flow = await db().flows.create({ name: "F", document: { step: 1 } });
    const v1 = await db().versions.publish({ flowId: flow.id });
    await db().flows.saveDraft({ id: flow.id, expectedRevision: 1, document: { step: 2 } });
    await db().versions.publish({ flowId: flow.id });
    const rolled = await db().versions.rollback({ flowId: flow.id, versionId: v1.id });
    expect(rolled).toMatchObject({ draftRevision: 3, document: { step: 1 } });
    const again = await errorOf(db().versions.publish({ flowId: flow.id }));
    expect(again).toMatchObject({ code: "unchanged", details: { versionId: v1.id } });
    expect((await errorOf(db().versions.rollback({ flowId: flow.id, versionId: v1.id, expectedRevision: 1 }))).code).toBe(
      "conflict",
    );
  });

  it("refuses a rollback to another flow's version", async () => {
    const a = await db().flows.create({ name: "A", document: { a: 1 } });
    const b = await db().flows.create({ name: "B" });
    const va = await db().versions.publish({ flowId: a.id });
    expect((await errorOf(db().versions.rollback({ flowId: b.id, versionId: va.id }))).code).toBe("not-found");
    expect((await errorOf(db().versions.get({ id: "missing" }))).code).toBe("not-found");
    expect((await errorOf(db().versions.list("missing"))).code).toBe("not-found");
  });

  it("gives concurrent publishes of one draft one version; the others report unchanged", async () => {
    const flow = await db().flows.create({ name: "F", document: { a: 1 } });
    const other = await reopen();
    const results = await Promise.allSettled([db(), other, db(), other].map((h) => h.versions.publish({ flowId: flow.id })));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "unchanged" });
    expect(await db().versions.list(flow.id)).toHaveLength(1);
  });
});

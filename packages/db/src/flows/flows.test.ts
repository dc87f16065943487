import { expect, it } from "vitest";
import { isDbError } from "../errors/db-error";
import { describeForEachDatabase } from "../testing/database-fixture";
import { errorOf } from "../testing/error-of";

describeForEachDatabase("flows", ({ db, reopen, clock }) => {
  it("creates a flow with a slug from its name and an empty draft at revision 1", async () => {
    const flow = await db().flows.create({ name: "Book a Table!" });
    expect(flow).toMatchObject({
      slug: "book-a-table",
      name: "Book a Table!",
      description: "",
      document: {},
      draftRevision: 1,
      deletedAt: null,
    });
    expect(await db().flows.get({ slug: "book-a-table" })).toEqual(flow);
  });

  it("makes derived slugs unique and reports a taken explicit slug as a conflict", async () => {
    const a = await db().flows.create({ name: "Support" });
    const b = await db().flows.create({ name: "Support" });
    const c = await db().flows.create({ name: "support!!" });
    expect([a.slug, b.slug, c.slug]).toEqual(["support", "support-2", "support-3"]);
    const error = await errorOf(db().flows.create({ name: "Other", slug: "support" }));
    expect(error.code).toBe("conflict");
    expect(error.where).toBe("flows.create");
  });

  it("rejects invalid input with the issue paths", async () => {
    const error = await errorOf(db().flows.create({ name: "  ", slug: "Not A Slug" }));
    expect(error.code).toBe("invalid-input");
    expect(error.message).toMatch(/name: a name is required/);
    expect(error.details.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "slug" })]));
  });

  it("renames a flow without changing its slug or draft revision", async () => {
    const flow = await db().flows.create({ name: "Old", document: { a: 1 } });
    const renamed = await db().flows.rename({ id: flow.id, name: "New", description: "Better" });
    expect(renamed).toMatchObject({ name: "New", description: "Better", slug: "old", draftRevision: 1 });
    expect((await errorOf(db().flows.rename({ id: "nope", name: "X" }))).code).toBe("not-found");
  });

  it("duplicates the draft into a new flow", async () => {
    const flow = await db().flows.create({ name: "Orders", description: "d", document: { nodes: [1] } });
    await db().versions.publish({ flowId: flow.id });
    const copy = await db().flows.duplicate({ id: flow.id });
    expect(copy).toMatchObject({ name: "Orders (copy)", slug: "orders-copy", description: "d", document: { nodes: [1] } });
    expect(copy.id).not.toBe(flow.id);
    expect(await db().versions.list(copy.id)).toEqual([]);
    const named = await db().flows.duplicate({ id: flow.id, name: "Orders EU", slug: "orders-eu" });
    expect(named.slug).toBe("orders-eu");
  });

  it("soft-deletes: gone from list and get, kept with includeDeleted, restorable, slug stays taken", async () => {
    const keep = await db().flows.create({ name: "Keep" });
    const gone = await db().flows.create({ name: "Gone" });
    clock.advance(1000);
    const deleted = await db().flows.delete(gone.id);
    expect(deleted.deletedAt?.toISOString()).toBe("2026-01-01T09:00:01.000Z");
    expect(await db().flows.delete(gone.id)).toEqual(deleted); // idempotent
    expect((await db().flows.list()).map((f) => f.id)).toEqual([keep.id]);
    expect((await db().flows.list({ includeDeleted: true })).map((f) => f.id).sort()).toEqual([keep.id, gone.id].sort());
    expect((await errorOf(db().flows.get({ id: gone.id }))).code).toBe("not-found");
    expect((await db().flows.get({ id: gone.id, includeDeleted: true })).name).toBe("Gone");
    expect((await errorOf(db().flows.saveDraft({ id: gone.id, expectedRevision: 1, document: {} }))).code).toBe("not-found");
    expect((await db().flows.create({ name: "Gone" })).slug).toBe("gone-2");
    await db().flows.restore(gone.id);
    expect((await db().flows.get({ id: gone.id })).deletedAt).toBeNull();
  });

  it("lists flows without documents, most recently updated first", async () => {
    const a = await db().flows.create({ name: "A", document: { big: "x" } });
    const b = await db().flows.create({ name: "B" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await db().flows.saveDraft({ id: a.id, expectedRevision: 1, document: { big: "y" } });
    const list = await db().flows.list();
    expect(list.map((f) => f.id)).toEqual([a.id, b.id]);
    expect(list[0]).not.toHaveProperty("document");
  });

  it("saves a draft at the expected revision and increments it", async () => {
    const flow = await db().flows.create({ name: "Draft" });
    const saved = await db().flows.saveDraft({ id: flow.id, expectedRevision: 1, document: { version: 2, nodes: [] } });
    expect(saved.draftRevision).toBe(2);
    expect(saved.document).toEqual({ version: 2, nodes: [] });
    expect((await db().flows.get({ id: flow.id })).document).toEqual({ version: 2, nodes: [] });
  });

  it("refuses a stale revision with a conflict and keeps the stored draft", async () => {
    const flow = await db().flows.create({ name: "Draft", document: { n: 0 } });
    await db().flows.saveDraft({ id: flow.id, expectedRevision: 1, document: { n: 1 } });
    const error = await errorOf(db().flows.saveDraft({ id: flow.id, expectedRevision: 1, document: { n: "stale" } }));
    expect(error.code).toBe("conflict");
    expect(error.details).toMatchObject({ expectedRevision: 1, currentRevision: 2 });
    expect(error.message).toMatch(/expectedRevision 2/);
    const stored = await db().flows.get({ id: flow.id });
    expect(stored).toMatchObject({ draftRevision: 2, document: { n: 1 } });
  });

  it("never replaces the draft with something that is not a JSON object", async () => {
    const flow = await db().flows.create({ name: "Draft", document: { good: true } });
    const bad = [null, [], "text", { fn: () => 1 }, { n: Number.NaN }];
    for (const document of bad) {
      const error = await errorOf(db().flows.saveDraft({ id: flow.id, expectedRevision: 1, document: document as never }));
      expect(error.code).toBe("invalid-input");
    }
    expect(await db().flows.get({ id: flow.id })).toMatchObject({ draftRevision: 1, document: { good: true } });
  });

  it("lets exactly one of several concurrent saves from the same revision win", async () => {
    const flow = await db().flows.create({ name: "Race" });
    const other = await reopen(); // a second handle, as another part of the app would open
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 === 0 ? db() : other).flows.saveDraft({ id: flow.id, expectedRevision: 1, document: { writer: i } }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(5);
    for (const r of lost) expect(isDbError(r.reason, "conflict")).toBe(true);
    const stored = await db().flows.get({ id: flow.id });
    expect(stored.draftRevision).toBe(2);
    expect(stored.document).toEqual((won[0] as PromiseFulfilledResult<{ document: unknown }>).value.document);
  });

  it("serialises a chain of concurrent saves that each use the latest revision", async () => {
    const flow = await db().flows.create({ name: "Chain" });
    const saveWithRetry = async (writer: number): Promise<void> => {
      for (;;) {
        const current = await db().flows.get({ id: flow.id });
        try {
          await db().flows.saveDraft({
            id: flow.id,
            expectedRevision: current.draftRevision,
            document: { ...current.document, [`w${writer}`]: true },
          });
          return;
        } catch (error) {
          if (!isDbError(error, "conflict")) throw error;
        }
      }
    };
    await Promise.all([1, 2, 3, 4].map(saveWithRetry));
    const stored = await db().flows.get({ id: flow.id });
    expect(stored.draftRevision).toBe(5);
    expect(stored.document).toEqual({ w1: true, w2: true, w3: true, w4: true });
  });
});

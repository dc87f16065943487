import { expect, it } from "vitest";
import type { JsonValue } from "../schemas/common";
import { describeForEachDatabase } from "../testing/database-fixture";
import { errorOf } from "../testing/error-of";

describeForEachDatabase("test cases and test runs", ({ db, clock }) => {
  it("creates, reads, lists, updates and deletes test cases", async () => {
    const flow = await db().flows.create({ name: "F" });
    const conversation: JsonValue = [{ user: "hi" }, { expect: { node: "greeting" } }];
    const created = await db().testCases.create({ flowId: flow.id, name: "greets", conversation });
    expect(created).toMatchObject({ flowId: flow.id, name: "greets", conversation });
    await db().testCases.create({ flowId: flow.id, name: "asks party size", conversation: [] });
    expect((await db().testCases.list(flow.id)).map((t) => t.name)).toEqual(["asks party size", "greets"]);
    const updated = await db().testCases.update({ id: created.id, name: "greets politely" });
    expect(updated).toMatchObject({ name: "greets politely", conversation });
    expect((await db().testCases.update({ id: created.id, conversation: [{ user: "hello" }] })).conversation).toEqual([
      { user: "hello" },
    ]);
    expect(await db().testCases.get(created.id)).toMatchObject({ name: "greets politely" });
    await db().testCases.delete(created.id);
    expect((await errorOf(db().testCases.get(created.id))).code).toBe("not-found");
    expect((await errorOf(db().testCases.delete(created.id))).code).toBe("not-found");
    expect((await errorOf(db().testCases.update({ id: created.id, name: "x" }))).code).toBe("not-found");
    expect((await errorOf(db().testCases.update({ id: created.id }))).code).toBe("invalid-input");
    expect((await errorOf(db().testCases.create({ flowId: "missing", name: "x", conversation: [] }))).code).toBe("not-found");
  });

  it("saves several cases by name in one go: new names are created, known names get the new conversation", async () => {
    const flow = await db().flows.create({ name: "F" });
    const kept = await db().testCases.create({ flowId: flow.id, name: "greets", conversation: { turns: [1] } });
    const { created, updated } = await db().testCases.saveMany({
      flowId: flow.id,
      cases: [
        { name: "greets", conversation: { turns: [2] } },
        { name: "books", conversation: { turns: [3] } },
      ],
    });
    expect(updated).toMatchObject([{ id: kept.id, name: "greets", conversation: { turns: [2] } }]);
    expect(created).toMatchObject([{ name: "books", conversation: { turns: [3] } }]);
    expect((await db().testCases.list(flow.id)).map((t) => t.name)).toEqual(["books", "greets"]);
  });

  it("saves none of several cases when the input is bad, and names the problem", async () => {
    const flow = await db().flows.create({ name: "F" });
    const twice = await errorOf(db().testCases.saveMany({ flowId: flow.id, cases: [{ name: "a", conversation: 1 }, { name: "a", conversation: 2 }] }));
    expect(twice.code).toBe("invalid-input");
    expect(twice.message).toMatch(/same name/);
    expect((await errorOf(db().testCases.saveMany({ flowId: "missing", cases: [{ name: "a", conversation: 1 }] }))).code).toBe("not-found");
    expect(await db().testCases.list(flow.id)).toEqual([]);
  });

  it("records test runs of the draft or a version and lists them newest first", async () => {
    const flow = await db().flows.create({ name: "F", document: { a: 1 } });
    const version = await db().versions.publish({ flowId: flow.id });
    const draftRun = await db().testRuns.record({
      flowId: flow.id,
      status: "failed",
      results: [{ testCase: "greets", ok: false, message: "expected greeting" }],
      passed: 0,
      failed: 1,
    });
    expect(draftRun).toMatchObject({ versionId: null, status: "failed", failed: 1, finishedAt: clock.now() });
    clock.advance(60_000);
    const versionRun = await db().testRuns.record({ flowId: flow.id, versionId: version.id, status: "passed", passed: 2 });
    expect(versionRun).toMatchObject({ versionId: version.id, results: [], passed: 2 });
    const running = await db().testRuns.record({ flowId: flow.id, status: "running", startedAt: new Date(clock.now().getTime() + 1) });
    expect(running.finishedAt).toBeNull();
    expect((await db().testRuns.list({ flowId: flow.id })).map((r) => r.id)).toEqual([running.id, versionRun.id, draftRun.id]);
    expect((await db().testRuns.list({ flowId: flow.id, limit: 1 })).map((r) => r.id)).toEqual([running.id]);
    expect(await db().testRuns.get(draftRun.id)).toEqual(draftRun);
    expect((await errorOf(db().testRuns.record({ flowId: flow.id, status: "bogus" as never }))).code).toBe("invalid-input");
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleFlow } from "@/test-support/sample-flow";

// The routes read the database location on first use: a fresh SQLite file, seeded from a folder of one example.
const dir = mkdtempSync(path.join(tmpdir(), "vx-api-"));
process.env.VOXCHART_DB = path.join(dir, "test.db");
process.env.VOXCHART_EXAMPLES_DIR = path.join(dir, "no-examples");

const flows = await import("./route");
const flow = await import("./[flowId]/route");
const draft = await import("./[flowId]/draft/route");
const versions = await import("./[flowId]/versions/route");
const diff = await import("./[flowId]/versions/diff/route");
const rollback = await import("./[flowId]/rollback/route");
const importRoute = await import("./import/route");
const testCases = await import("./[flowId]/test-cases/route");
const { database } = await import("@/server/store");

const json = (method: string, body: unknown) => new Request("http://test/api", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const ctx = <P extends string>(params: Record<P, string>) => ({ params: Promise.resolve(params) });
const read = async (r: Response) => ({ status: r.status, body: (await r.json()) as Record<string, any> });

describe("flow API", () => {
  let id = "";
  beforeAll(async () => {
    const listed = await read(await flows.GET());
    expect(listed.body.flows).toHaveLength(1); // seeded starter flow
    const created = await read(await flows.POST(json("POST", { name: "Booking" })));
    expect(created.status).toBe(201);
    id = created.body.flow.id;
  });
  afterAll(async () => (await database()).close());

  it("answers 400 with the zod issue for a bad body", async () => {
    const r = await read(await flows.POST(json("POST", { name: "" })));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid-body");
    expect(r.body.error.message).toMatch(/name/);
    const garbage = await flows.POST(new Request("http://test/api", { method: "POST", body: "{not json" }));
    expect(garbage.status).toBe(400);
  });

  it("saves a draft with its revision, and a stale revision is a 409 that writes nothing", async () => {
    const before = await read(await flow.GET(new Request("http://t"), ctx({ flowId: id })));
    const rev = before.body.flow.draftRevision as number;
    const doc = { ...sampleFlow(), name: "Booking" };
    const saved = await read(await draft.PUT(json("PUT", { expectedRevision: rev, document: doc }), ctx({ flowId: id })));
    expect(saved.status).toBe(200);
    expect(saved.body.flow.draftRevision).toBe(rev + 1);
    const stale = await read(await draft.PUT(json("PUT", { expectedRevision: rev, document: { ...doc, name: "Lost?" } }), ctx({ flowId: id })));
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.currentRevision).toBe(rev + 1);
    const after = await read(await flow.GET(new Request("http://t"), ctx({ flowId: id })));
    expect(after.body.flow.document.name).toBe("Booking");
  });

  it("publishes immutable versions with a content hash, diffs them, and rolls back", async () => {
    const v1 = await read(await versions.POST(json("POST", { note: "first" }), ctx({ flowId: id })));
    expect(v1.status).toBe(201);
    expect(v1.body.version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const current = await read(await flow.GET(new Request("http://t"), ctx({ flowId: id })));
    const doc = current.body.flow.document;
    const edited = { ...doc, nodes: doc.nodes.filter((n: { id: string }) => n.id !== "big"), edges: doc.edges.filter((e: { to: string }) => e.to !== "big") };
    await draft.PUT(json("PUT", { expectedRevision: current.body.flow.draftRevision, document: edited }), ctx({ flowId: id }));
    const v2 = await read(await versions.POST(json("POST", {}), ctx({ flowId: id })));
    const d = await read(await diff.GET(new Request(`http://t/diff?from=${v1.body.version.id}&to=${v2.body.version.id}`), ctx({ flowId: id })));
    expect(d.body.nodes).toEqual({ big: "removed" });
    expect(d.body.edges).toEqual({ e3: "removed" });
    expect(d.body.subflows).toEqual([]); // it calls no subflows
    const back = await read(await rollback.POST(json("POST", { versionId: v1.body.version.id }), ctx({ flowId: id })));
    expect(back.status).toBe(200);
    expect(back.body.flow.document.nodes.map((n: { id: string }) => n.id)).toContain("big");
    const missing = await read(await diff.GET(new Request("http://t/diff?from=nope&to=draft"), ctx({ flowId: id })));
    expect(missing.status).toBe(404);
  });

  it("refuses to publish or import an invalid flow with 422 and its diagnostics", async () => {
    const r = await read(await importRoute.POST(json("POST", { document: { schemaVersion: 1, id: "x", name: "x", start: "a", nodes: [] } })));
    expect(r.status).toBe(422);
    expect(r.body.error.details.diagnostics.length).toBeGreaterThan(0);
  });

  it("stores test cases whose conversation matches the schema", async () => {
    const bad = await testCases.POST(json("POST", { name: "t", conversation: { steps: [] } }), ctx({ flowId: id }));
    expect(bad.status).toBe(400);
    const conversation = { format: "voxchart/conversation@1", steps: [{ input: { type: "start" }, expect: { bot: ["Hello! Welcome. How many people?"], nodeId: "ask" } }] };
    const ok = await read(await testCases.POST(json("POST", { name: "greets", conversation }), ctx({ flowId: id })));
    expect(ok.status).toBe(201);
    const list = await read(await testCases.GET(new Request("http://t"), ctx({ flowId: id })));
    expect(list.body.testCases.map((t: { name: string }) => t.name)).toEqual(["greets"]);
  });

  it("deletes softly: the flow leaves the list", async () => {
    const r = await flow.DELETE(new Request("http://t", { method: "DELETE" }), ctx({ flowId: id }));
    expect(r.status).toBe(200);
    const listed = await read(await flows.GET());
    expect(listed.body.flows.map((f: { id: string }) => f.id)).not.toContain(id);
    expect((await flow.GET(new Request("http://t"), ctx({ flowId: "missing" }))).status).toBe(404);
  });
});

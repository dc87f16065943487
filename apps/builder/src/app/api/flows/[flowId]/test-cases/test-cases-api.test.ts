import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileFlow, FlowSchema, type Flow } from "@voxchart/flow";
import { createResolver, toSubflow } from "@/checks/subflow-resolver";
import type { TestCaseDto } from "@/shared/api-schemas";
import { runTestCase } from "@/tests/run-test-case";

// A fresh SQLite file, seeded with the repository's examples (the restaurant flow among them).
const examples = path.resolve(__dirname, "../../../../../../../../examples");
const dir = mkdtempSync(path.join(tmpdir(), "vx-tests-api-"));
process.env.VOXCHART_DB = path.join(dir, "test.db");
process.env.VOXCHART_EXAMPLES_DIR = examples;

const testCases = await import("./route");
const importRoute = await import("./import/route");
const store = await import("@/server/store");

const ctx = (flowId: string) => ({ params: Promise.resolve({ flowId }) });
const post = (body: unknown) => new Request("http://test/api", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const read = async (r: Response) => ({ status: r.status, body: (await r.json()) as Record<string, any> });
const list = async (flowId: string) => (await read(await testCases.GET(new Request("http://t"), ctx(flowId)))).body.testCases as TestCaseDto[];

const restaurant = await (async () => {
  const flow = (await store.listFlows()).find((f) => f.name.startsWith("Trattoria Roma"));
  if (!flow) throw new Error("the restaurant example was not seeded");
  return flow;
})();
const restaurantTests = readFileSync(path.join(examples, "restaurant/restaurant.test.yaml"), "utf8");

describe("test cases API", () => {
  afterAll(async () => (await store.database()).close());

  it("seeds each example with its test file's conversations, and every one passes in the builder as in `voxchart test`", async () => {
    const flows = await store.listFlows();
    const documents = new Map(await Promise.all(flows.map(async (f) => [f.id, (await store.getFlow(f.id)).document] as const)));
    const resolver = createResolver(new Map([...documents].flatMap(([id, doc]) => [[id, toSubflow(doc)] as const]).filter((e): e is [string, Flow] => e[1] !== null)));
    let ran = 0;
    for (const f of flows) {
      const cases = await list(f.id);
      if (!cases.length) continue;
      const compiled = compileFlow(FlowSchema.parse(documents.get(f.id)), { resolveSubflow: resolver });
      if (!compiled.ok) throw new Error(`${f.name} does not compile`);
      for (const tc of cases) {
        if (!tc.conversation) throw new Error(`${tc.name}: ${tc.problem}`);
        expect((await runTestCase(compiled.compiled, { ...tc, conversation: tc.conversation })).failure, `${f.name}: ${tc.name}`).toBeNull();
        ran++;
      }
    }
    expect(ran).toBeGreaterThanOrEqual(4 * 5); // four examples, at least five conversations each
    // Seeded laid out: opening one does not have to move its nodes (and save a revision).
    for (const doc of documents.values()) expect((doc as { nodes: { position?: unknown }[] }).nodes.every((n) => n.position)).toBe(true);
  });

  it("imports a test file into a flow: its conversations become cases, with the file's clock start and stubs", async () => {
    const copy = await store.createFlow("Copy of the restaurant");
    await store.saveDraft(copy.id, copy.draftRevision, (await store.getFlow(restaurant.id)).document);
    const r = await read(await importRoute.POST(post({ fileName: "restaurant.test.yaml", text: restaurantTests }), ctx(copy.id)));
    expect(r.status).toBe(201);
    expect(r.body.created).toHaveLength((await list(restaurant.id)).length);
    expect(r.body.created[0]?.conversation).toMatchObject({ format: "voxchart/conversation@2", now: "2026-11-25T09:00:00Z", tools: { book_table: { result: "TR-4821" } } });
  });

  it("replaces cases by name when the same file is imported again, adding none", async () => {
    const before = await list(restaurant.id);
    expect(before.length).toBeGreaterThanOrEqual(5);
    const r = await read(await importRoute.POST(post({ fileName: "restaurant.test.yaml", text: restaurantTests }), ctx(restaurant.id)));
    expect(r.body.created).toEqual([]);
    expect(r.body.updated).toHaveLength(before.length);
    expect((await list(restaurant.id)).map((t) => t.id)).toEqual(before.map((t) => t.id));
  });

  it("refuses a broken file as a whole, each problem with its line and path, and saves nothing", async () => {
    const before = await list(restaurant.id);
    const broken = "flow: ./restaurant.flow.json\nconversations:\n  - name: new one\n    turns:\n      - user: hi\n  - name: bad\n    turns:\n      - user: 42\n        nod: ask\n";
    const r = await read(await importRoute.POST(post({ fileName: "broken.test.yaml", text: broken }), ctx(restaurant.id)));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid-test-file");
    expect(r.body.error.details.problems).toEqual([
      "broken.test.yaml:8: /conversations/1/turns/0/user: expected a string, got a number",
      'broken.test.yaml:9: /conversations/1/turns/0/nod: unknown field "nod"',
    ]);
    expect(r.body.error.message).toMatch(/^broken\.test\.yaml:8: .* \(and 1 more\)$/);
    expect(await list(restaurant.id)).toEqual(before);
  });

  it("stores a simulator recording in format 2 and reads a format-1 recording as the same conversation", async () => {
    const flow = await store.createFlow("Recorded");
    const v1 = { format: "voxchart/conversation@1", steps: [{ input: { type: "start" }, expect: { bot: ["Hello!"], nodeId: "greet" } }] };
    const created = await read(await testCases.POST(post({ name: "greets", conversation: v1 }), ctx(flow.id)));
    expect(created.status).toBe(201);
    expect(created.body.testCase.conversation).toEqual({ format: "voxchart/conversation@2", turns: [{ bot: ["Hello!"], node: "greet" }] });
    const bad = await read(await testCases.POST(post({ name: "t", conversation: { format: "voxchart/conversation@2", turns: [] } }), ctx(flow.id)));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/at least one turn/);
  });

  it("lists a stored case it cannot read with the problem, instead of hiding it", async () => {
    const flow = await store.createFlow("Damaged");
    await (await store.database()).testCases.create({ flowId: flow.id, name: "from the future", conversation: { format: "voxchart/conversation@9" } });
    const [only] = await list(flow.id);
    expect(only).toMatchObject({ name: "from the future", conversation: null });
    expect(only?.problem).toMatch(/cannot be read/);
  });
});

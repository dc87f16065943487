import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { sampleFlow } from "@/test-support/sample-flow";

// The store reads the database location on first use: a fresh SQLite file, no examples.
const dir = mkdtempSync(path.join(tmpdir(), "vx-deploy-"));
process.env.VOXCHART_DB = path.join(dir, "test.db");
process.env.VOXCHART_EXAMPLES_DIR = path.join(dir, "no-examples");

const deployRoute = await import("./route");
const store = await import("@/server/store");

/** A stand-in for `voxchart serve`'s POST /admin/flow that answers what each test tells it to. */
interface FakeRuntime {
  url: string;
  received: unknown[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function fakeRuntime(answer: (body: unknown) => Promise<{ status: number; body: unknown }>): Promise<FakeRuntime> {
  const received: unknown[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      received.push(body);
      void answer(body).then(({ status, body: reply }) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(reply));
      });
    });
  });
  const url = await listen(server);
  return { url, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A URL on which nothing listens: the port was free a moment ago, so the connection is refused. */
async function refusingUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

const deploy = async (flowId: string, body: Record<string, unknown>) => {
  const response = await deployRoute.POST(
    new Request("http://test/api", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    { params: Promise.resolve({ flowId }) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

const versionIds = async (flowId: string) => (await store.listVersions(flowId)).map((v) => v.id);
const deployments = async (flowId: string) => (await store.database()).deployments.list(flowId);

const failing = {
  "answers 500": async () => fakeRuntime(async () => ({ status: 500, body: { error: { code: "admin/deploy-failed", message: "the runtime broke" } } })),
  "refuses the connection": async () => ({ url: await refusingUrl(), received: [], close: async () => undefined }),
} satisfies Record<string, () => Promise<FakeRuntime>>;

describe("POST /api/flows/:flowId/deploy", () => {
  let flowId = "";
  let runtime: FakeRuntime | undefined;

  beforeEach(async () => {
    const flow = await store.createFlow("Deploy me");
    await store.saveDraft(flow.id, flow.draftRevision, { ...sampleFlow(), name: "Deploy me" });
    flowId = flow.id;
  });
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
  });
  afterAll(async () => (await store.database()).close());

  for (const [how, start] of Object.entries(failing)) {
    it(`leaves no new version and no deployment when the runtime ${how}`, async () => {
      runtime = await start();
      const r = await deploy(flowId, { runtimeUrl: runtime.url });
      expect(r.status).toBe(502);
      expect(r.body.error.code).toBe("runtime-error");
      expect(r.body.error.message).toContain(runtime.url);
      expect(await versionIds(flowId)).toEqual([]);
      expect(await deployments(flowId)).toEqual([]);
    });

    it(`keeps the version published earlier (reused by content hash) when the runtime ${how}`, async () => {
      const earlier = await store.publishVersion(flowId, "by hand");
      runtime = await start();
      const r = await deploy(flowId, { runtimeUrl: runtime.url });
      expect(r.status).toBe(502);
      expect(await versionIds(flowId)).toEqual([earlier.id]);
      expect(await deployments(flowId)).toEqual([]);
    });
  }

  it("names the runtime's own reason when it refuses the flow", async () => {
    runtime = await failing["answers 500"]();
    const r = await deploy(flowId, { runtimeUrl: runtime.url });
    expect(r.body.error.message).toMatch(/refused the deploy \(500\): the runtime broke$/);
  });

  it("publishes the draft the runtime accepted and records the deployment", async () => {
    runtime = await fakeRuntime(async () => ({ status: 200, body: { id: "sample", name: "Deploy me", versionId: null } }));
    const r = await deploy(flowId, { runtimeUrl: runtime.url });
    expect(r.status).toBe(201);
    expect(r.body.reused).toBe(false);
    expect(r.body.runtime).toEqual({ id: "sample", name: "Deploy me", versionId: null });
    expect(await versionIds(flowId)).toEqual([r.body.version.id]);
    const published = await store.getVersion(flowId, r.body.version.id);
    expect(runtime.received).toEqual([{ flow: published.document }]);
    const [deployment, ...older] = await deployments(flowId);
    expect(older).toEqual([]);
    expect(deployment).toMatchObject({ id: r.body.deployment.id, versionId: r.body.version.id, runtimeUrl: runtime.url, status: "active" });

    // The same draft again: its version is reused, a second deployment supersedes the first.
    const again = await deploy(flowId, { runtimeUrl: runtime.url });
    expect(again.status).toBe(201);
    expect(again.body.reused).toBe(true);
    expect(again.body.version.id).toBe(r.body.version.id);
    expect(await versionIds(flowId)).toEqual([r.body.version.id]);
    expect((await deployments(flowId)).map((d) => d.status)).toEqual(["active", "superseded"]);
  });

  it("sends the flows its subflow nodes call with it, so the runtime needs no access to the builder", async () => {
    const child = await store.createFlow("Identity check");
    const caller = await store.getFlow(flowId);
    const document = { ...caller.document, nodes: [...(caller.document.nodes as unknown[]), { id: "verify", kind: "subflow", flow: child.id }] } as Record<string, unknown>;
    // Reachable: the greeting goes through the subflow first.
    document.start = "verify";
    document.edges = [...(document.edges as unknown[]), { id: "e_verify", from: "verify", to: "greet", trigger: { type: "always" } }];
    await store.saveDraft(flowId, caller.draftRevision, document as never);
    runtime = await fakeRuntime(async () => ({ status: 200, body: {} }));
    const r = await deploy(flowId, { runtimeUrl: runtime.url });
    expect(r.status).toBe(201);
    const sent = (runtime.received[0] as { flow: { subflows?: Record<string, { name: string }> } }).flow;
    expect(Object.keys(sent.subflows ?? {})).toEqual([child.id]);
    expect(sent.subflows?.[child.id]?.name).toBe("Identity check");
    // The published version is the caller alone, as it was drafted.
    expect((await store.getVersion(flowId, r.body.version.id)).document.subflows).toBeUndefined();
  });

  it("deploys a version asked for by id without publishing the draft", async () => {
    const v1 = await store.publishVersion(flowId, "v1");
    const flow = await store.getFlow(flowId);
    await store.saveDraft(flowId, flow.draftRevision, { ...flow.document, name: "Changed since v1" });
    runtime = await fakeRuntime(async () => ({ status: 200, body: {} }));
    const r = await deploy(flowId, { runtimeUrl: runtime.url, versionId: v1.id });
    expect(r.status).toBe(201);
    expect(r.body.reused).toBe(true);
    expect(await versionIds(flowId)).toEqual([v1.id]);
    expect((await deployments(flowId)).map((d) => d.versionId)).toEqual([v1.id]);
  });

  it("sends nothing and writes nothing for an invalid draft (422)", async () => {
    const flow = await store.getFlow(flowId);
    await store.saveDraft(flowId, flow.draftRevision, { ...flow.document, nodes: [] });
    runtime = await fakeRuntime(async () => ({ status: 200, body: {} }));
    const r = await deploy(flowId, { runtimeUrl: runtime.url });
    expect(r.status).toBe(422);
    expect(runtime.received).toEqual([]);
    expect(await versionIds(flowId)).toEqual([]);
  });

  it("publishes nothing when the draft is saved while the runtime loads it (409 saying so)", async () => {
    runtime = await fakeRuntime(async () => {
      const flow = await store.getFlow(flowId);
      await store.saveDraft(flowId, flow.draftRevision, { ...flow.document, name: "Edited during the deploy" });
      return { status: 200, body: {} };
    });
    const r = await deploy(flowId, { runtimeUrl: runtime.url });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/accepted the flow, but the draft was saved again/);
    expect(await versionIds(flowId)).toEqual([]);
    expect(await deployments(flowId)).toEqual([]);
  });
});

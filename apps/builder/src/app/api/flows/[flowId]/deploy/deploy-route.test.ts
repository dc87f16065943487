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

  /** Makes the flow under test call a new flow through a subflow node first; the child's id. */
  async function callNewChild(name: string): Promise<string> {
    const child = await store.createFlow(name);
    const caller = await store.getFlow(flowId);
    const document = { ...caller.document, nodes: [...(caller.document.nodes as unknown[]), { id: "verify", kind: "subflow", flow: child.id }] } as Record<string, unknown>;
    // Reachable: the greeting goes through the subflow first.
    document.start = "verify";
    document.edges = [...(document.edges as unknown[]), { id: "e_verify", from: "verify", to: "greet", trigger: { type: "always" } }];
    await store.saveDraft(flowId, caller.draftRevision, document);
    return child.id;
  }

  /** Renames the child's document in its draft: a change in the subflow only. */
  async function editChild(childId: string, name: string): Promise<void> {
    const child = await store.getFlow(childId);
    await store.saveDraft(childId, child.draftRevision, { ...child.document, name });
  }

  const sentSubflows = (received: unknown) => (received as { flow: { subflows?: Record<string, { name: string }> } }).flow.subflows ?? {};

  it("sends the flows its subflow nodes call with it, and publishes exactly what it sent", async () => {
    const childId = await callNewChild("Identity check");
    runtime = await fakeRuntime(async () => ({ status: 200, body: {} }));
    const r = await deploy(flowId, { runtimeUrl: runtime.url });
    expect(r.status).toBe(201);
    const sent = sentSubflows(runtime.received[0]);
    expect(Object.keys(sent)).toEqual([childId]);
    expect(sent[childId]?.name).toBe("Identity check");
    // The version pins the child: its stored document is the bundle the runtime received.
    expect(runtime.received[0]).toEqual({ flow: (await store.getVersion(flowId, r.body.version.id)).document });
    expect(r.body.version.calls).toEqual([{ ref: childId, name: "Identity check", pinned: true }]);
  });

  it("deploys an old version with the subflow it pinned, not the child's current draft", async () => {
    const childId = await callNewChild("Identity check");
    runtime = await fakeRuntime(async () => ({ status: 200, body: {} }));
    const v1 = (await deploy(flowId, { runtimeUrl: runtime.url })).body.version.id as string;
    await editChild(childId, "Identity check, stricter");
    // Only the child changed: deploying the draft publishes a new version that pins the new child.
    const v2 = await deploy(flowId, { runtimeUrl: runtime.url });
    expect(v2.body.reused).toBe(false);
    expect(sentSubflows(runtime.received[1])[childId]?.name).toBe("Identity check, stricter");
    // Rolling production back to v1 sends v1 as it was published, twice alike.
    const back = await deploy(flowId, { runtimeUrl: runtime.url, versionId: v1 });
    const again = await deploy(flowId, { runtimeUrl: runtime.url, versionId: v1 });
    expect(back.status).toBe(201);
    expect(sentSubflows(runtime.received[2])[childId]?.name).toBe("Identity check");
    expect(runtime.received[3]).toEqual(runtime.received[2]);
    expect(await versionIds(flowId)).toEqual([v2.body.version.id, v1]);
  });

  it("bundles a version published before versions pinned subflows with the children's current drafts", async () => {
    const childId = await callNewChild("Identity check");
    // As the builder published before: the caller alone.
    const legacy = await (await store.database()).versions.publish({ flowId, note: "before pinning" });
    expect((await store.listVersions(flowId))[0]?.calls).toEqual([{ ref: childId, name: "Identity check", pinned: false }]);
    await editChild(childId, "Identity check, today");
    runtime = await fakeRuntime(async () => ({ status: 200, body: {} }));
    const r = await deploy(flowId, { runtimeUrl: runtime.url, versionId: legacy.id });
    expect(r.status).toBe(201);
    expect(sentSubflows(runtime.received[0])[childId]?.name).toBe("Identity check, today");
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

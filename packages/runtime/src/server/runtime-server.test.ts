import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, type Database } from "@voxchart/db";
import { SessionSnapshotSchema } from "@voxchart/engine";
import { afterEach, describe, expect, it } from "vitest";
import { connectPipecatTestClient } from "../transport";
import { createSqliteTestDatabase, type TestDatabase } from "../store/testing/test-databases";
import { createRuntimeServer, type RuntimeServer } from "./create-runtime-server";
import type { RuntimeServerConfig } from "./runtime-server-config";
import { connectTextClient, postStart, textUrl, type TextTestClient } from "./testing/text-test-client";

const here = dirname(fileURLToPath(import.meta.url));
const INSURANCE = resolve(here, "../../../../examples/insurance/insurance.flow.json");
const CLINIC = resolve(here, "../../../../examples/clinic/clinic.flow.json");

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(config: Partial<RuntimeServerConfig> = {}, existing?: TestDatabase): Promise<{ server: RuntimeServer; db: Database; logs: string[]; database: TestDatabase }> {
  const database: TestDatabase = existing ?? (await createSqliteTestDatabase());
  if (!existing) cleanups.push(() => database.dispose());
  const logs: string[] = [];
  const server = await createRuntimeServer({ flow: INSURANCE, tier: 2, port: 0, database: database.url, log: (line) => logs.push(line), ...config });
  cleanups.push(() => server.close());
  const db = await createDatabase({ url: database.url });
  cleanups.push(() => db.close());
  return { server, db, logs, database };
}

async function connect(url: string): Promise<TextTestClient> {
  const client = await connectTextClient(url);
  cleanups.push(() => client.close());
  return client;
}

async function waitUntil<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the stored snapshot holds `count` user lines; returns the session and its turn rows with user words. */
async function savedTurns(db: Database, token: string, count: number) {
  return waitUntil(async () => {
    const session = await db.sessions.getByToken(token);
    const parsed = SessionSnapshotSchema.safeParse(session.snapshot);
    if (!parsed.success || parsed.data.transcript.filter((t) => t.role === "user").length < count) return undefined;
    const turns = (await db.turns.list(session.id)).filter((t) => t.userText !== null);
    return { session, turns };
  }, `a saved snapshot with ${count} user lines`);
}

describe("runtime server", () => {
  it("a client that reconnects with its token within the session limit resumes at the same node with its variables and transcript", async () => {
    const { server, db, logs } = await start({ maxSessionMs: 120_000 });
    const started = await postStart(server.url);
    expect(started.status).toBe(200);
    const token = started.json["token"] as string;
    expect(started.json["wsUrl"]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws$/);

    const first = await connect(textUrl(server.url, token));
    expect(await first.waitForServerMessage("session")).toMatchObject({ resumed: false, flowId: "insurance-fnol" });
    await first.waitForBot("new claim, or calling about an existing one");
    let from = first.messages.length;
    first.say("I want to report a claim");
    await first.waitForBot("What kind of claim is it", { from });
    from = first.messages.length;
    first.say("a car accident yesterday");
    await first.waitForBot("A car claim for an incident on", { from });
    expect(await first.state()).toMatchObject({ nodeId: "claim_details", variables: { claim_type: "car" } });
    await savedTurns(db, token, 2);
    first.close();
    await waitUntil(async () => (logs.some((l) => / session end .*status=disconnected/.test(l)) ? true : undefined), "the end log line");

    const again = await postStart(server.url, { token });
    expect(again).toMatchObject({ status: 200, json: { token } });
    const second = await connect(textUrl(server.url, token));
    expect(await second.waitForServerMessage("session")).toMatchObject({ resumed: true });
    expect(await second.state()).toMatchObject({ nodeId: "claim_details", variables: { claim_type: "car" } });
    second.say("yes");
    await second.waitForBot("Was anyone injured?");
    expect((await second.state()).nodeId).toBe("ask_injuries");

    const { session, turns } = await savedTurns(db, token, 3);
    const snapshot = SessionSnapshotSchema.parse(session.snapshot);
    const userLines = snapshot.transcript.filter((t) => t.role === "user").map((t) => t.text);
    expect(userLines).toEqual(["I want to report a claim", "a car accident yesterday", "yes"]);
    expect(turns.length).toBeGreaterThanOrEqual(2); // turn rows were written as the conversation went
    expect(session.status).toBe("active");
    expect(logs.filter((l) => / session start /.test(l)).map((l) => /resumed=(\w+)/.exec(l)?.[1])).toEqual(["false", "true"]);
  });

  it("a session begun on the text channel resumes over the Pipecat WebSocket at the URL POST /start returns (memory store)", async () => {
    const { server } = await start({ database: "memory" });
    const token = (await postStart(server.url)).json["token"] as string;
    const text = await connect(textUrl(server.url, token));
    await text.waitForBot("new claim, or calling about an existing one");
    text.say("I want to report a claim");
    await text.waitForBot("What kind of claim is it");
    text.say("a car accident yesterday");
    await text.waitForBot("A car claim for an incident on");
    text.close();
    await text.waitForClose();

    const { json } = await postStart(server.url, { token });
    const pipecat = await connectPipecatTestClient(`${json["wsUrl"] as string}?token=${encodeURIComponent(json["token"] as string)}`);
    cleanups.push(() => pipecat.close());
    await pipecat.handshake();
    const said = (pattern: RegExp) =>
      waitUntil(async () => (pipecat.messages.some((m) => m.type === "bot-output" && pattern.test((m.data as { text: string }).text)) ? true : undefined), String(pattern));
    await waitUntil(async () => (pipecat.messages.some((m) => m.type === "server-message" && (m.data as { type: string; resumed?: boolean }).type === "session" && (m.data as { resumed: boolean }).resumed) ? true : undefined), "a resumed session");
    pipecat.sendRtvi("send-text", { content: "yes", options: { run_immediately: true, audio_response: true } });
    await said(/Was anyone injured\?/);
    const userLines = server.sessions()[0]?.session.transcript().filter((t) => t.role === "user").map((t) => t.text);
    expect(userLines).toEqual(["I want to report a claim", "a car accident yesterday", "yes"]);
  });

  it("a server shut down gracefully leaves its sessions resumable by the next one on the same database", async () => {
    const first = await start({ maxSessionMs: 120_000 });
    const token = (await postStart(first.server.url)).json["token"] as string;
    const client = await connect(textUrl(first.server.url, token));
    await client.waitForBot("new claim, or calling about an existing one");
    client.say("I want to report a claim");
    await client.waitForBot("What kind of claim is it");
    await first.server.close();
    await client.waitForClose();
    expect(first.logs.some((l) => / session end .*reason=server-close/.test(l))).toBe(true);

    const second = await start({ maxSessionMs: 120_000 }, first.database);
    const again = await connect(textUrl(second.server.url, (await postStart(second.server.url, { token })).json["token"] as string));
    expect(await again.waitForServerMessage("session")).toMatchObject({ resumed: true });
    expect((await again.state()).nodeId).toBe("claim_details");
  });

  it("a second connection with the same token takes the session over from the first", async () => {
    const { server, db } = await start({ maxSessionMs: 120_000 });
    const token = (await postStart(server.url)).json["token"] as string;
    const first = await connect(textUrl(server.url, token));
    await first.waitForBot("new claim, or calling about an existing one");
    first.say("I want to report a claim");
    await first.waitForBot("What kind of claim is it");

    const second = await connect(textUrl(server.url, (await postStart(server.url, { token })).json["token"] as string));
    expect(await first.waitFor((m): m is Extract<typeof m, { type: "error" }> => m.type === "error", "the takeover error")).toMatchObject({ fatal: true, error: expect.stringMatching(/new connection/) });
    await first.waitForClose();
    expect(await second.waitForServerMessage("session")).toMatchObject({ resumed: true });
    second.say("a home claim, yesterday");
    await second.waitForBot("A home claim for an incident on");
    const { session } = await savedTurns(db, token, 2);
    expect(SessionSnapshotSchema.parse(session.snapshot).transcript.filter((t) => t.role === "user").map((t) => t.text)).toEqual(["I want to report a claim", "a home claim, yesterday"]);
  });

  it("ends a session at its limit, and its token no longer resumes", async () => {
    const { server, db, logs } = await start({ maxSessionMs: 2500 });
    const token = (await postStart(server.url)).json["token"] as string;
    const client = await connect(textUrl(server.url, token));
    await client.waitForBot("new claim, or calling about an existing one");
    client.say("I want to report a claim");
    await client.waitForBot("What kind of claim is it");
    const limit = await client.waitForServerMessage("session-limit", { timeoutMs: 5000 });
    expect(limit["maxSessionMs"]).toBeGreaterThan(2000); // what was left of 2500 ms when the client connected
    expect(limit["maxSessionMs"]).toBeLessThanOrEqual(2500);
    await client.waitForClose();
    await waitUntil(async () => ((await db.sessions.getByToken(token)).status === "expired" ? true : undefined), "the session to expire");
    expect(logs.some((l) => / session end .*status=expired/.test(l))).toBe(true);

    const refused = await postStart(server.url, { token });
    expect(refused.status).toBe(500);
    expect(JSON.stringify(refused.json)).toMatch(/expired/);
    const direct = await connect(textUrl(server.url, token));
    expect(await direct.waitFor((m): m is Extract<typeof m, { type: "error" }> => m.type === "error", "an error")).toMatchObject({ fatal: true });
    await direct.waitForClose();
  });

  it("counts the session limit across reconnects: a token past it is refused even if the client was away", async () => {
    const { server, db } = await start({ maxSessionMs: 1500 });
    const token = (await postStart(server.url)).json["token"] as string;
    const client = await connect(textUrl(server.url, token));
    await client.waitForBot("new claim, or calling about an existing one");
    client.close();
    await new Promise((r) => setTimeout(r, 1600));
    const refused = await postStart(server.url, { token });
    expect(JSON.stringify(refused.json)).toMatch(/limit of 1500 ms/);
    expect((await db.sessions.getByToken(token)).status).toBe("expired");
    expect((await postStart(server.url, { token: "not-a-real-token-000000" })).json).toMatchObject({ error: { message: expect.stringMatching(/unknown session token/) } });
  });

  it("deploys another flow at run time: new sessions use it, live ones keep theirs", async () => {
    const { server, db } = await start({ maxSessionMs: 120_000 });
    const v1 = server.currentFlow().versionId;
    const oldToken = (await postStart(server.url)).json["token"] as string;
    const old = await connect(textUrl(server.url, oldToken));
    await old.waitForBot("Harbor Mutual claims.");

    const document = JSON.parse(readFileSync(INSURANCE, "utf8")) as { nodes: { id: string; text?: string; prompt?: string }[] };
    document.nodes.find((n) => n.id === "welcome")!.text = "Harbor Mutual, version two. Are you reporting a new claim, or calling about an existing one?";
    document.nodes.find((n) => n.id === "claim_details")!.prompt = "Version two: what kind of claim is it, and when did it happen?";
    const deployed = await fetch(`${server.url}/admin/flow`, { method: "POST", body: JSON.stringify({ flow: document }) });
    expect(deployed.status).toBe(200);
    const body = (await deployed.json()) as { versionId: string; id: string };
    expect(body.id).toBe("insurance-fnol");
    expect(body.versionId).not.toBe(v1);
    expect((await db.versions.list(server.currentFlow().flowId)).length).toBe(2);

    const fresh = await connect(textUrl(server.url, (await postStart(server.url)).json["token"] as string));
    await fresh.waitForBot("Harbor Mutual, version two.");
    fresh.say("I want to report a claim");
    await fresh.waitForBot("Version two: what kind of claim");

    const from = old.messages.length;
    old.say("I want to report a claim");
    await old.waitForBot("I'm sorry to hear that. What kind of claim is it", { from });

    // Back to version 1 by id, as the builder's deploy action does.
    const back = await fetch(`${server.url}/admin/flow`, { method: "POST", body: JSON.stringify({ versionId: v1 }) });
    expect(((await back.json()) as { versionId: string }).versionId).toBe(v1);
    const third = await connect(textUrl(server.url, (await postStart(server.url)).json["token"] as string));
    await third.waitForBot("Harbor Mutual claims.");

    const invalid = await fetch(`${server.url}/admin/flow`, { method: "POST", body: JSON.stringify({ flow: { ...document, start: "nowhere" } }) });
    expect(invalid.status).toBe(422);
    expect(server.currentFlow().versionId).toBe(v1);
    const health = (await (await fetch(`${server.url}/health`)).json()) as { ok: boolean; sessions: number; flow: { versionId: string } };
    expect(health).toMatchObject({ ok: true, sessions: 3, flow: { versionId: v1 } });
  });

  it("deploys a bundle whose subflows are embedded, with no file to resolve them", async () => {
    const { server } = await start({ database: "memory" });
    const clinic = JSON.parse(readFileSync(CLINIC, "utf8")) as { nodes: { kind: string; flow?: string }[]; subflows?: Record<string, unknown> };
    const identity = JSON.parse(readFileSync(resolve(dirname(CLINIC), "identity.flow.json"), "utf8")) as unknown;
    // A reference no file answers, as the builder's flow ids are.
    for (const node of clinic.nodes) if (node.kind === "subflow") node.flow = "flow-id-of-identity";
    const refused = await fetch(`${server.url}/admin/flow`, { method: "POST", body: JSON.stringify({ flow: clinic }) });
    expect(refused.status).toBe(422);
    clinic.subflows = { "flow-id-of-identity": identity };
    const deployed = await fetch(`${server.url}/admin/flow`, { method: "POST", body: JSON.stringify({ flow: clinic }) });
    expect(deployed.status).toBe(200);
    expect(await deployed.json()).toMatchObject({ id: "clinic" });
    const client = await connect(textUrl(server.url, (await postStart(server.url)).json["token"] as string));
    await client.waitForBot("Riverside Clinic, appointment line.");
  });

  it("guards the admin route with a token when it has one, and serves a flow with a subflow at tier 3", async () => {
    const { server } = await start({ adminToken: "s3cret-admin-token", database: "memory", flow: CLINIC });
    expect((await fetch(`${server.url}/admin/flow`)).status).toBe(401);
    const ok = await fetch(`${server.url}/admin/flow`, { headers: { authorization: "Bearer s3cret-admin-token" } });
    expect(await ok.json()).toMatchObject({ id: "clinic" }); // the clinic flow compiles with its identity subflow file
    // Tier 3 (the default) speaks through the phrase cache; a session still greets.
    const client = await connect(textUrl(server.url, (await postStart(server.url)).json["token"] as string));
    await client.waitForBot("Riverside Clinic, appointment line.");
  });
});

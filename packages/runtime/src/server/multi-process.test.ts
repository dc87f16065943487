import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, type Database } from "@voxchart/db";
import { SessionSnapshotSchema } from "@voxchart/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresTestDatabase, postgresSkipReason, type TestDatabase } from "../store/testing/test-databases";
import { spawnRuntimeProcess, type RuntimeProcess } from "./testing/spawn-runtime-process";
import { connectTextClient, postStart, textUrl } from "./testing/text-test-client";

const here = dirname(fileURLToPath(import.meta.url));
const INSURANCE = resolve(here, "../../../../examples/insurance/insurance.flow.json");
const skipReason = postgresSkipReason();

describe.skipIf(skipReason !== undefined)(`two runtime processes on one PostgreSQL${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let database: TestDatabase;
  let db: Database;
  const processes: RuntimeProcess[] = [];

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    db = await createDatabase({ url: database.url }); // migrates the schema before the processes race to
  });
  afterAll(async () => {
    for (const p of processes) await p.kill("SIGTERM");
    await db?.close();
    await database?.dispose();
  });

  it("a session begun on process A continues on process B, at the same node with its variables and transcript, after A is killed", async () => {
    const config = { flow: INSURANCE, tier: 2 as const, port: 0, database: database.url, maxSessionMs: 120_000 };
    const [a, b] = await Promise.all([spawnRuntimeProcess(config), spawnRuntimeProcess(config)]);
    processes.push(a, b);

    const { token } = (await postStart(a.url)).json as { token: string };
    const onA = await connectTextClient(textUrl(a.url, token));
    await onA.waitForBot("new claim, or calling about an existing one");
    let from = onA.messages.length;
    onA.say("I want to report a claim");
    await onA.waitForBot("What kind of claim is it", { from });
    from = onA.messages.length;
    onA.say("a car accident yesterday");
    await onA.waitForBot("A car claim for an incident on", { from });
    // The snapshot is saved after each turn; wait for the second one, then kill A mid-conversation.
    for (let i = 0; ; i++) {
      const parsed = SessionSnapshotSchema.safeParse((await db.sessions.getByToken(token)).snapshot);
      if (parsed.success && parsed.data.transcript.some((t) => t.role === "user" && t.text === "a car accident yesterday")) break;
      if (i > 300) throw new Error("process A never saved the second turn");
      await new Promise((r) => setTimeout(r, 50));
    }
    await a.kill("SIGKILL");
    expect(a.child.signalCode).toBe("SIGKILL");
    await onA.waitForClose();
    expect(a.output()).toMatch(/session start .*resumed=false/);

    expect(await postStart(b.url, { token })).toMatchObject({ status: 200, json: { token } });
    const onB = await connectTextClient(textUrl(b.url, token));
    expect(await onB.waitForServerMessage("session")).toMatchObject({ resumed: true, flowId: "insurance-fnol" });
    expect(await onB.state()).toMatchObject({ nodeId: "claim_details", variables: { claim_type: "car" } });
    onB.say("yes");
    await onB.waitForBot("Was anyone injured?");
    expect((await onB.state()).nodeId).toBe("ask_injuries");

    let session = await db.sessions.getByToken(token);
    const userLines = () => SessionSnapshotSchema.parse(session.snapshot).transcript.filter((t) => t.role === "user").map((t) => t.text);
    const lastTurn = async () => (await db.turns.list(session.id)).at(-1);
    for (let i = 0; i < 300 && (userLines().length < 3 || (await lastTurn())?.userText !== "yes"); i++) {
      await new Promise((r) => setTimeout(r, 50));
      session = await db.sessions.getByToken(token);
    }
    expect(userLines()).toEqual(["I want to report a claim", "a car accident yesterday", "yes"]);
    // Turn rows written by A survive, and B's continue their numbering.
    const turns = await db.turns.list(session.id);
    expect(turns.map((t) => t.index)).toEqual(turns.map((_, i) => i));
    expect(turns.length).toBeGreaterThanOrEqual(4);
    expect(turns.at(-1)).toMatchObject({ userText: "yes", botText: expect.stringContaining("Was anyone injured?") });
    expect(session.status).toBe("active");
    onB.close();
    expect(b.output()).toMatch(/session start .*resumed=true/);
    // Both processes filed the same flow file as one flow with one version.
    expect(await db.versions.list(session.flowId)).toHaveLength(1);
  }, 120_000);
});

import { expect, it } from "vitest";
import { DEFAULT_SESSION_TTL_MS } from "../schemas/session";
import { describeForEachDatabase } from "../testing/database-fixture";
import { errorOf } from "../testing/error-of";

describeForEachDatabase("sessions", ({ db, reopen, clock }) => {
  async function started() {
    const flow = await db().flows.create({ name: "F", document: { a: 1 } });
    const version = await db().versions.publish({ flowId: flow.id });
    const deployment = await db().deployments.create({ flowId: flow.id, versionId: version.id });
    const session = await db().sessions.create({
      flowId: flow.id,
      versionId: version.id,
      deploymentId: deployment.id,
      snapshot: { value: "greeting" },
      nodeId: "greeting",
    });
    return { flow, version, deployment, session };
  }

  it("creates an active session with an unguessable token and an expiry", async () => {
    const { session, version } = await started();
    expect(session).toMatchObject({ status: "active", revision: 0, nodeId: "greeting", versionId: version.id });
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(session.expiresAt.getTime() - session.startedAt.getTime()).toBe(DEFAULT_SESSION_TTL_MS);
    const other = await db().sessions.create({ flowId: session.flowId });
    expect(other.token).not.toBe(session.token);
  });

  it("saves the snapshot and the turn together after each turn", async () => {
    const { session } = await started();
    const first = await db().sessions.saveSnapshot({
      sessionId: session.id,
      snapshot: { value: "ask_party_size", context: { transcript: ["hi"] } },
      nodeId: "ask_party_size",
      turn: { userText: "hi", botText: "How many people?", filler: "Let me check.", timings: { firstAudioMs: 420 } },
    });
    expect(first.session).toMatchObject({ revision: 1, nodeId: "ask_party_size", snapshot: { value: "ask_party_size" } });
    expect(first.turn).toMatchObject({ index: 0, nodeId: "ask_party_size", filler: "Let me check.", timings: { firstAudioMs: 420 } });
    clock.advance(1000);
    const second = await db().sessions.saveSnapshot({
      sessionId: session.id,
      snapshot: { value: "confirm" },
      expectedRevision: 1,
      turn: { userText: "four", botText: "Booked.", nodeId: "confirm" },
    });
    expect(second.turn?.index).toBe(1);
    expect(second.session.expiresAt.toISOString()).toBe(new Date(clock.now().getTime() + DEFAULT_SESSION_TTL_MS).toISOString());
    const turns = await db().turns.list(session.id);
    expect(turns.map((t) => [t.index, t.userText, t.botText])).toEqual([
      [0, "hi", "How many people?"],
      [1, "four", "Booked."],
    ]);
  });

  it("stores an engine snapshot typed as an interface, dropping undefined fields", async () => {
    interface PersistedSnapshot {
      status: "active" | "done";
      value: string;
      output?: unknown;
      error?: unknown;
      context: { transcript: string[] };
    }
    const snapshot: PersistedSnapshot = { status: "active", value: "ask", output: undefined, error: undefined, context: { transcript: [] } };
    const { session } = await started();
    const saved = await db().sessions.saveSnapshot({ sessionId: session.id, snapshot });
    expect(saved.session.snapshot).toEqual({ status: "active", value: "ask", context: { transcript: [] } });
    const bad = await errorOf(db().sessions.saveSnapshot({ sessionId: session.id, snapshot: { at: new Date() } }));
    expect(bad).toMatchObject({ code: "invalid-input", where: "sessions.saveSnapshot" });
    expect(bad.message).toMatch(/snapshot: \$\.at is a Date/);
  });

  it("resumes by token on another process with the latest snapshot", async () => {
    const { session } = await started();
    await db().sessions.saveSnapshot({ sessionId: session.id, snapshot: { value: "s1" }, turn: { userText: "a" } });
    const otherProcess = await reopen();
    const resumed = await otherProcess.sessions.getByToken(session.token);
    expect(resumed).toMatchObject({ id: session.id, status: "active", revision: 1, snapshot: { value: "s1" } });
    await otherProcess.sessions.saveSnapshot({
      sessionId: resumed.id,
      snapshot: { value: "s2" },
      expectedRevision: resumed.revision,
      turn: { userText: "b" },
    });
    // The first process is now stale: its write is refused and nothing is half-written.
    const stale = await errorOf(
      db().sessions.saveSnapshot({ sessionId: session.id, snapshot: { value: "stale" }, expectedRevision: 1, turn: { userText: "x" } }),
    );
    expect(stale.code).toBe("conflict");
    expect((await db().sessions.getByToken(session.token)).snapshot).toEqual({ value: "s2" });
    expect((await db().turns.list(session.id)).map((t) => t.userText)).toEqual(["a", "b"]);
    expect((await errorOf(db().sessions.getByToken("no-such-token-at-all"))).code).toBe("not-found");
  });

  it("writes neither snapshot nor turn when the turn index is taken", async () => {
    const { session } = await started();
    await db().sessions.saveSnapshot({ sessionId: session.id, snapshot: { v: 1 }, turn: { index: 0 } });
    const error = await errorOf(db().sessions.saveSnapshot({ sessionId: session.id, snapshot: { v: 2 }, turn: { index: 0 } }));
    expect(error.code).toBe("conflict");
    const after = await db().sessions.get(session.id);
    expect(after).toMatchObject({ revision: 1, snapshot: { v: 1 } });
    expect(await db().turns.list(session.id)).toHaveLength(1);
  });

  it("gives concurrent saves of one revision one winner", async () => {
    const { session } = await started();
    const other = await reopen();
    const results = await Promise.allSettled(
      [db(), other, db(), other].map((h, i) =>
        h.sessions.saveSnapshot({ sessionId: session.id, snapshot: { i }, expectedRevision: 0, turn: { userText: `${i}` } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().turns.list(session.id)).toHaveLength(1);
  });

  it("ends and transfers sessions; an ended session takes no more snapshots", async () => {
    const { session, flow } = await started();
    clock.advance(5000);
    const ended = await db().sessions.end({ sessionId: session.id });
    expect(ended).toMatchObject({ status: "ended", endedAt: clock.now() });
    expect((await db().sessions.end({ sessionId: session.id })).status).toBe("ended"); // idempotent
    expect((await errorOf(db().sessions.end({ sessionId: session.id, status: "transferred" }))).code).toBe("conflict");
    expect((await errorOf(db().sessions.saveSnapshot({ sessionId: session.id, snapshot: {} }))).code).toBe("conflict");
    const other = await db().sessions.create({ flowId: flow.id });
    expect((await db().sessions.end({ sessionId: other.id, status: "transferred" })).status).toBe("transferred");
  });

  it("expires sessions: explicitly, when read past expiresAt, and in bulk", async () => {
    const { session, flow } = await started();
    expect((await db().sessions.expire(session.id)).status).toBe("expired");

    const lazy = await db().sessions.create({ flowId: flow.id, ttlMs: 60_000 });
    const bulk = await db().sessions.create({ flowId: flow.id, ttlMs: 60_000 });
    const fresh = await db().sessions.create({ flowId: flow.id, ttlMs: 3_600_000 });
    clock.advance(61_000);
    expect((await errorOf(db().sessions.saveSnapshot({ sessionId: lazy.id, snapshot: {} }))).message).toMatch(/expired/);
    expect((await db().sessions.getByToken(lazy.token)).status).toBe("expired");
    expect(await db().sessions.expireStale()).toBe(1);
    expect((await db().sessions.get(bulk.id)).status).toBe("expired");
    expect((await db().sessions.get(fresh.id)).status).toBe("active");
    const active = await db().sessions.list({ flowId: flow.id, status: "active" });
    expect(active.map((s) => s.id)).toEqual([fresh.id]);
  });

  it("refuses sessions for missing flows, foreign versions and short tokens", async () => {
    const { flow } = await started();
    const other = await db().flows.create({ name: "Other", document: { o: 1 } });
    const otherVersion = await db().versions.publish({ flowId: other.id });
    expect((await errorOf(db().sessions.create({ flowId: "missing" }))).code).toBe("not-found");
    expect((await errorOf(db().sessions.create({ flowId: flow.id, versionId: otherVersion.id }))).code).toBe("not-found");
    expect((await errorOf(db().sessions.create({ flowId: flow.id, token: "short" }))).code).toBe("invalid-input");
    const token = "a-token-chosen-by-the-runtime-0001";
    await db().sessions.create({ flowId: flow.id, token });
    expect((await errorOf(db().sessions.create({ flowId: flow.id, token }))).code).toBe("conflict");
  });
});

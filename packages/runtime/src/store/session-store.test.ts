import { createDatabase, type Database } from "@voxchart/db";
import type { Flow } from "@voxchart/flow";
import { afterEach, describe, expect, it } from "vitest";
import { createDbSessionStore } from "./db-session-store";
import { createMemorySessionStore } from "./memory-session-store";
import type { RuntimeSessionStore } from "./session-store";
import { sampleSnapshot, sampleTurn } from "./testing/sample-snapshot";
import { createPostgresTestDatabase, createSqliteTestDatabase, postgresSkipReason, type TestDatabase } from "./testing/test-databases";

const flowDoc = (greeting: string) =>
  ({ schemaVersion: 1, id: "book_table", name: "Book a table", start: "hello", nodes: [{ id: "hello", kind: "end", text: greeting }], edges: [] }) as unknown as Flow;

interface Harness {
  store: RuntimeSessionStore;
  /** Moves the store's clock. */
  advance(ms: number): void;
  /** Another store on the same data, as a second process would have. */
  sibling?: () => Promise<RuntimeSessionStore>;
  turns?: (token: string) => Promise<{ index: number; userText: string | null; botText: string | null; filler: string | null; timings: Record<string, unknown> }[]>;
  dispose(): Promise<void>;
}

const RESUME_WINDOW_MS = 60_000;

async function databaseHarness(create: () => Promise<TestDatabase>): Promise<Harness> {
  const database = await create();
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const opened: Database[] = [await createDatabase({ url: database.url, now })];
  const db = opened[0]!;
  return {
    store: createDbSessionStore(db, { resumeWindowMs: RESUME_WINDOW_MS }),
    advance: (ms) => void (offset += ms),
    async sibling() {
      const other = await createDatabase({ url: database.url, now });
      opened.push(other);
      return createDbSessionStore(other, { resumeWindowMs: RESUME_WINDOW_MS });
    },
    async turns(token) {
      const session = await db.sessions.getByToken(token);
      return db.turns.list(session.id);
    },
    async dispose() {
      for (const handle of opened) await handle.close();
      await database.dispose();
    },
  };
}

const harnesses: [string, string | undefined, () => Promise<Harness>][] = [
  [
    "memory",
    undefined,
    async () => {
      let at = Date.now();
      return { store: createMemorySessionStore({ resumeWindowMs: RESUME_WINDOW_MS, now: () => at }), advance: (ms) => void (at += ms), dispose: async () => {} };
    },
  ],
  ["sqlite", undefined, () => databaseHarness(createSqliteTestDatabase)],
  ["postgresql", postgresSkipReason(), () => databaseHarness(createPostgresTestDatabase)],
];

for (const [name, skipReason, make] of harnesses) {
  describe.skipIf(skipReason !== undefined)(`${name} session store${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
    let h: Harness | undefined;
    afterEach(async () => {
      await h?.store.close();
      await h?.dispose();
      h = undefined;
    });

    it("begins an active session that has nothing to restore until its first turn is saved", async () => {
      h = await make();
      const { flowId, versionId } = await h.store.register(flowDoc("Hi."));
      const token = await h.store.begin({ flowId, versionId });
      expect(token.length).toBeGreaterThanOrEqual(16);
      expect(await h.store.get(token)).toMatchObject({ token, status: "active", flowId, versionId });
      expect(await h.store.load(token)).toBeNull();
      await h.store.save(token, sampleSnapshot("book_table", 1), sampleTurn("ask", "hello", "How many people?"));
      expect(await h.store.load(token)).toEqual(sampleSnapshot("book_table", 1));
    });

    it("keeps every turn in order with its texts and JSON-safe timings", async () => {
      h = await make();
      const { flowId } = await h.store.register(flowDoc("Hi."));
      const token = await h.store.begin({ flowId });
      // Saves fired without awaiting, as the voice agent does after each turn.
      const saves = [1, 2, 3].map((n) => h!.store.save(token, sampleSnapshot("book_table", n), sampleTurn("ask", `user ${n}`, `bot ${n}`)));
      await Promise.all(saves);
      expect((await h.store.load(token))?.turnCounter).toBe(3);
      if (h.turns) {
        const turns = await h.turns(token);
        expect(turns.map((t) => [t.index, t.userText, t.botText, t.filler])).toEqual([
          [0, "user 1", "bot 1", "One moment."],
          [1, "user 2", "bot 2", "One moment."],
          [2, "user 3", "bot 3", "One moment."],
        ]);
        expect(turns[0]?.timings).toMatchObject({ sttMs: 12, understandingMs: null });
      }
    });

    it("an ended session no longer resumes", async () => {
      h = await make();
      const { flowId } = await h.store.register(flowDoc("Hi."));
      const token = await h.store.begin({ flowId });
      await h.store.save(token, sampleSnapshot("book_table", 1), null);
      await h.store.end(token, "transferred");
      expect((await h.store.get(token))?.status).toBe("transferred");
      expect(await h.store.load(token)).toBeNull();
    });

    it("a session past its resume window is expired, and the session limit expires it explicitly", async () => {
      h = await make();
      const { flowId } = await h.store.register(flowDoc("Hi."));
      const idle = await h.store.begin({ flowId });
      const limited = await h.store.begin({ flowId });
      await h.store.save(limited, sampleSnapshot("book_table", 1), null);
      await h.store.end(limited, "expired");
      expect((await h.store.get(limited))?.status).toBe("expired");
      h.advance(RESUME_WINDOW_MS + 1);
      expect(await h.store.sweep()).toBe(1);
      expect((await h.store.get(idle))?.status).toBe("expired");
      expect(await h.store.load(idle)).toBeNull();
    });

    it("an unknown token is null, and saving to it says to start a session first", async () => {
      h = await make();
      expect(await h.store.get("no-such-token-0123456789")).toBeNull();
      await expect(h.store.save("no-such-token-0123456789", sampleSnapshot("book_table", 1), null)).rejects.toThrow(/POST \/start/);
    });

    it("registers a flow once per content and reads a version back", async () => {
      h = await make();
      const first = await h.store.register(flowDoc("Hi."));
      expect(await h.store.register(flowDoc("Hi."))).toEqual(first);
      const second = await h.store.register(flowDoc("Hello there."));
      expect(second.flowId).toBe(first.flowId);
      expect(second.versionId).not.toBe(first.versionId);
      const version = await h.store.version(first.versionId!);
      expect(version?.flowId).toBe(first.flowId);
      expect((version?.document as Flow).nodes[0]).toMatchObject({ text: "Hi." });
    });

    it("a process that lost the session to another one cannot overwrite it", async () => {
      h = await make();
      if (!h.sibling) return; // one process only: nothing to race
      const { flowId } = await h.store.register(flowDoc("Hi."));
      const token = await h.store.begin({ flowId });
      await h.store.save(token, sampleSnapshot("book_table", 1), sampleTurn("ask", "one", "bot one"));
      const other = await h.sibling();
      expect((await other.load(token))?.turnCounter).toBe(1);
      await other.save(token, sampleSnapshot("book_table", 2), sampleTurn("ask", "two", "bot two"));
      await expect(h.store.save(token, sampleSnapshot("book_table", 2), sampleTurn("ask", "stale", "stale"))).rejects.toMatchObject({ code: "conflict" });
      expect((await other.load(token))?.turnCounter).toBe(2);
      await other.close();
    });
  });
}

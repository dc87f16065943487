import { randomBytes } from "node:crypto";
import { SessionSnapshotSchema, type SessionSnapshot } from "@voxchart/engine";
import type { Flow } from "@voxchart/flow";
import { z } from "zod";
import type { VoiceTurnMetrics } from "../voice";
import type { BeginSessionInput, RegisteredFlow, RuntimeSessionStore, StoredSession, StoredSessionStatus } from "./session-store";

export const MemorySessionStoreOptionsSchema = z.object({
  /** How long a session may go without a saved turn and still resume (default 30 min, as the database). */
  resumeWindowMs: z.number().int().positive().default(30 * 60 * 1000),
  now: z.custom<() => number>((value) => typeof value === "function").optional(),
});
export type MemorySessionStoreOptions = z.input<typeof MemorySessionStoreOptionsSchema>;

/** A turn as the memory store keeps it (the database's turn row, in memory). */
export interface MemoryTurn {
  readonly index: number;
  readonly userText: string | null;
  readonly botText: string;
  readonly nodeId: string;
  readonly metrics: VoiceTurnMetrics;
}

interface Entry {
  token: string;
  flowId: string;
  versionId: string | null;
  status: StoredSessionStatus;
  startedAt: number;
  expiresAt: number;
  snapshot: SessionSnapshot | null;
  turns: MemoryTurn[];
}

export interface MemorySessionStore extends RuntimeSessionStore {
  /** Test aid: what is stored for a token. */
  inspect(token: string): { status: StoredSessionStatus; snapshot: SessionSnapshot | null; turns: readonly MemoryTurn[] } | null;
}

/** The store for tests and `--db memory`: the same rules as the database store, in one process. */
export function createMemorySessionStore(options: MemorySessionStoreOptions = {}): MemorySessionStore {
  const o = MemorySessionStoreOptionsSchema.parse(options);
  const now = o.now ?? Date.now;
  const sessions = new Map<string, Entry>();
  const versions = new Map<string, { flowId: string; document: unknown }>();
  const versionOf = new Map<string, string>();

  const live = (token: string): Entry | undefined => {
    const entry = sessions.get(token);
    if (entry && entry.status === "active" && entry.expiresAt <= now()) entry.status = "expired";
    return entry;
  };

  return {
    kind: "memory",
    async register(flow: Flow): Promise<RegisteredFlow> {
      const text = JSON.stringify(flow);
      let versionId = versionOf.get(text);
      if (!versionId) {
        versionId = `memory-${versions.size + 1}`;
        versionOf.set(text, versionId);
        versions.set(versionId, { flowId: flow.id, document: JSON.parse(text) as unknown });
      }
      return { flowId: flow.id, versionId };
    },
    async version(versionId) {
      return versions.get(versionId) ?? null;
    },
    async begin(input: BeginSessionInput) {
      const token = input.token ?? randomBytes(24).toString("base64url");
      if (sessions.has(token)) throw new Error("session token already in use");
      const at = now();
      sessions.set(token, { token, flowId: input.flowId, versionId: input.versionId ?? null, status: "active", startedAt: at, expiresAt: at + o.resumeWindowMs, snapshot: null, turns: [] });
      return token;
    },
    async get(token): Promise<StoredSession | null> {
      const entry = live(token);
      if (!entry) return null;
      return { token, status: entry.status, startedAt: entry.startedAt, flowId: entry.flowId, versionId: entry.versionId };
    },
    async load(token) {
      const entry = live(token);
      if (!entry || entry.status !== "active" || !entry.snapshot) return null;
      return SessionSnapshotSchema.parse(structuredClone(entry.snapshot));
    },
    async save(token, snapshot, turn) {
      const entry = live(token);
      if (!entry) throw new Error(`no session with this token; POST /start first`);
      if (entry.status !== "active") throw new Error(`the session is ${entry.status}; it can no longer change`);
      entry.snapshot = structuredClone(snapshot);
      if (turn) entry.turns.push({ index: entry.turns.length, userText: turn.userText, botText: turn.botText, nodeId: turn.nodeId, metrics: structuredClone(turn.metrics) });
      entry.expiresAt = now() + o.resumeWindowMs;
    },
    async end(token, status) {
      const entry = live(token);
      if (entry && entry.status === "active") entry.status = status;
    },
    async sweep() {
      let count = 0;
      for (const [token, entry] of sessions) {
        const before = entry.status;
        if (live(token)?.status === "expired" && before === "active") count++;
      }
      return count;
    },
    async close() {
      sessions.clear();
    },
    inspect(token) {
      const entry = live(token);
      return entry ? { status: entry.status, snapshot: entry.snapshot, turns: entry.turns } : null;
    },
  };
}

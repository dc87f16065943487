import { createDatabase, isDbError, type Database, type Session } from "@voxchart/db";
import { SessionSnapshotSchema } from "@voxchart/engine";
import { z } from "zod";
import { createKeyedQueue } from "./keyed-queue";
import { registerFlowDocument } from "./register-flow";
import type { RuntimeSessionStore, StoredSession } from "./session-store";
import { toJsonObject } from "./to-json-object";

export const DbSessionStoreOptionsSchema = z.object({
  /** How long a session may go without a saved turn and still resume (the row's expiresAt). Default 30 min. */
  resumeWindowMs: z.number().int().positive().default(30 * 60 * 1000),
});
export type DbSessionStoreOptions = z.input<typeof DbSessionStoreOptionsSchema>;

/**
 * Sessions in Voxchart's database (SQLite or PostgreSQL through @voxchart/db): the snapshot and
 * the turn row are written in one transaction after every turn, with the revision this process
 * last saw, so a process that lost the session to another one fails instead of overwriting it.
 * Any process on the same database can resume a session by its token.
 */
export function createDbSessionStore(db: Database, options: DbSessionStoreOptions = {}): RuntimeSessionStore & { readonly db: Database } {
  const o = DbSessionStoreOptionsSchema.parse(options);
  const queue = createKeyedQueue();
  /** token → the row id and the revision this process last read or wrote. */
  const known = new Map<string, { id: string; revision: number }>();

  async function byToken(token: string): Promise<Session | null> {
    try {
      const session = await db.sessions.getByToken(token);
      known.set(token, { id: session.id, revision: session.revision });
      return session;
    } catch (error) {
      if (isDbError(error, "not-found")) return null;
      throw error;
    }
  }

  async function idOf(token: string): Promise<{ id: string; revision: number } | null> {
    return known.get(token) ?? ((await byToken(token)) ? (known.get(token) ?? null) : null);
  }

  return {
    kind: db.provider,
    db,
    register: (flow) => registerFlowDocument(db, flow),
    async version(versionId) {
      try {
        const version = await db.versions.get({ id: versionId });
        return { flowId: version.flowId, document: version.document };
      } catch (error) {
        if (isDbError(error, "not-found")) return null;
        throw error;
      }
    },
    async begin(input) {
      const session = await db.sessions.create({
        flowId: input.flowId,
        ...(input.versionId ? { versionId: input.versionId } : {}),
        ...(input.deploymentId ? { deploymentId: input.deploymentId } : {}),
        ...(input.token ? { token: input.token } : {}),
        ttlMs: o.resumeWindowMs,
      });
      known.set(session.token, { id: session.id, revision: session.revision });
      return session.token;
    },
    async get(token): Promise<StoredSession | null> {
      const session = await byToken(token);
      if (!session) return null;
      return { token, status: session.status, startedAt: session.startedAt.getTime(), flowId: session.flowId, versionId: session.versionId };
    },
    load(token) {
      // Queued behind this process's pending saves of the session (a replaced connection's last one).
      return queue.run(token, async () => {
        const session = await byToken(token);
        if (!session || session.status !== "active") return null;
        const parsed = SessionSnapshotSchema.safeParse(session.snapshot);
        return parsed.success ? parsed.data : null; // a session begun at POST /start has an empty snapshot
      });
    },
    save(token, snapshot, turn) {
      return queue.run(token, async () => {
        const seen = await idOf(token);
        if (!seen) throw new Error("no session with this token; POST /start first");
        const { session } = await db.sessions.saveSnapshot({
          sessionId: seen.id,
          snapshot: toJsonObject(snapshot),
          expectedRevision: seen.revision,
          ttlMs: o.resumeWindowMs,
          ...(turn
            ? {
                nodeId: turn.nodeId,
                turn: {
                  ...(turn.userText !== null ? { userText: turn.userText } : {}),
                  botText: turn.botText,
                  nodeId: turn.nodeId,
                  ...(turn.metrics.filler !== null ? { filler: turn.metrics.filler } : {}),
                  timings: toJsonObject(turn.metrics),
                },
              }
            : {}),
        });
        known.set(token, { id: session.id, revision: session.revision });
      });
    },
    end(token, status) {
      return queue.run(token, async () => {
        const seen = await idOf(token);
        if (!seen) return;
        if (status === "expired") await db.sessions.expire(seen.id);
        else await db.sessions.end({ sessionId: seen.id, status });
        known.delete(token);
      });
    },
    sweep: () => db.sessions.expireStale(),
    async close() {
      await queue.drain();
      known.clear();
    },
  };
}

/** Opens the database (migrating it) and a store over it; closing the store closes the database. */
export async function openDbSessionStore(url: string | undefined, options: DbSessionStoreOptions = {}): Promise<RuntimeSessionStore & { readonly db: Database }> {
  const db = await createDatabase(url === undefined ? {} : { url });
  const store = createDbSessionStore(db, options);
  return {
    ...store,
    async close() {
      await store.close();
      await db.close();
    },
  };
}

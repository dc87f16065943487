import type { DbContext } from "../connection/db-context";
import { isUniqueViolation } from "../connection/prisma-errors";
import { DbError, notFound, parseInput } from "../errors/db-error";
import { writeJsonColumn } from "../json/json-column";
import { SaveSnapshotInputSchema, type SaveSnapshotInput, type Session } from "../schemas/session";
import type { Turn } from "../schemas/turn";
import { toSession, toTurn } from "./to-session";

export interface SavedSnapshot {
  session: Session;
  /** The turn row written with the snapshot, when one was given. */
  turn: Turn | null;
}

/**
 * Saves a session's snapshot after a turn, and the turn row, in one transaction: either both are
 * stored or neither. The session must be active and not past expiresAt; with expectedRevision a
 * stale writer (another process resumed the session) gets a conflict. Each save extends expiresAt.
 */
export async function saveSnapshot(ctx: DbContext, input: SaveSnapshotInput): Promise<SavedSnapshot> {
  const where = "sessions.saveSnapshot";
  const data = parseInput(SaveSnapshotInputSchema, input, where);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const now = ctx.now();
      const current = await tx.session.findUnique({ where: { id: data.sessionId } });
      if (!current) throw notFound(where, `Session ${data.sessionId}`, { sessionId: data.sessionId });
      if (current.status !== "active") {
        throw new DbError("conflict", `Session ${current.id} is ${current.status}: start a new session.`, {
          where,
          details: { sessionId: current.id, status: current.status },
        });
      }
      if (current.expiresAt.getTime() <= now.getTime()) {
        throw new DbError("conflict", `Session ${current.id} expired at ${current.expiresAt.toISOString()}: start a new session.`, {
          where,
          details: { sessionId: current.id, status: "expired" },
        });
      }
      const expected = data.expectedRevision ?? current.revision;
      const { count } = await tx.session.updateMany({
        where: { id: current.id, revision: expected, status: "active" },
        data: {
          snapshot: writeJsonColumn(data.snapshot),
          ...(data.nodeId === undefined ? {} : { nodeId: data.nodeId }),
          revision: { increment: 1 },
          expiresAt: new Date(now.getTime() + data.ttlMs),
        },
      });
      if (count === 0) {
        throw new DbError(
          "conflict",
          `Session ${current.id} is at revision ${current.revision}, not ${expected}: another process saved it. Reload it with getSessionByToken and continue from there.`,
          { where, details: { sessionId: current.id, expectedRevision: expected, currentRevision: current.revision } },
        );
      }
      let turn: Turn | null = null;
      if (data.turn) {
        const index = data.turn.index ?? (await tx.turn.count({ where: { sessionId: current.id } }));
        const row = await tx.turn.create({
          data: {
            sessionId: current.id,
            index,
            userText: data.turn.userText ?? null,
            botText: data.turn.botText ?? null,
            nodeId: data.turn.nodeId ?? data.nodeId ?? null,
            filler: data.turn.filler ?? null,
            timings: writeJsonColumn(data.turn.timings),
            createdAt: now,
          },
        });
        turn = toTurn(row, where);
      }
      const saved = await tx.session.findUnique({ where: { id: current.id } });
      if (!saved) throw notFound(where, `Session ${current.id}`, { sessionId: current.id });
      return { session: toSession(saved, where), turn };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DbError("conflict", `Turn ${data.turn?.index ?? "(next)"} of session ${data.sessionId} already exists; nothing was saved.`, {
        where,
        details: { sessionId: data.sessionId, index: data.turn?.index ?? null },
        cause: error,
      });
    }
    throw error;
  }
}

import type { DbContext } from "../connection/db-context";
import { DbError, notFound, parseInput } from "../errors/db-error";
import { IdSchema } from "../schemas/common";
import { EndSessionInputSchema, type EndSessionInput, type Session } from "../schemas/session";
import { toSession } from "./to-session";

/** Ends an active session as `ended` or `transferred`. Ending it again the same way is a no-op. */
export async function endSession(ctx: DbContext, input: EndSessionInput): Promise<Session> {
  const where = "sessions.end";
  const data = parseInput(EndSessionInputSchema, input, where);
  return closeSession(ctx, data.sessionId, data.status, where);
}

/** Marks an active session expired now (e.g. a time-limited connection that will not resume). */
export async function expireSession(ctx: DbContext, sessionId: string): Promise<Session> {
  const where = "sessions.expire";
  parseInput(IdSchema, sessionId, where);
  return closeSession(ctx, sessionId, "expired", where);
}

/** Marks every active session past its expiresAt as expired; returns how many. */
export async function expireStaleSessions(ctx: DbContext): Promise<number> {
  const now = ctx.now();
  const { count } = await ctx.prisma.session.updateMany({
    where: { status: "active", expiresAt: { lte: now } },
    data: { status: "expired", endedAt: now },
  });
  return count;
}

async function closeSession(
  ctx: DbContext,
  sessionId: string,
  status: "ended" | "transferred" | "expired",
  where: string,
): Promise<Session> {
  const now = ctx.now();
  const { count } = await ctx.prisma.session.updateMany({
    where: { id: sessionId, status: "active" },
    data: { status, endedAt: now },
  });
  const row = await ctx.prisma.session.findUnique({ where: { id: sessionId } });
  if (!row) throw notFound(where, `Session ${sessionId}`, { sessionId });
  if (count === 0 && row.status !== status) {
    throw new DbError("conflict", `Session ${sessionId} is already ${row.status}; it cannot become ${status}.`, {
      where,
      details: { sessionId, status: row.status },
    });
  }
  return toSession(row, where);
}

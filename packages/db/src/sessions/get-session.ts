import type { DbContext } from "../connection/db-context";
import { notFound, parseInput } from "../errors/db-error";
import type { Session as SessionRow } from "../generated/sqlite/client";
import { IdSchema } from "../schemas/common";
import type { Session } from "../schemas/session";
import { z } from "zod";
import { toSession } from "./to-session";

/**
 * The session for a resume token. An active session past expiresAt is marked expired first, so
 * the caller sees the truth: resume only when `status === "active"`.
 */
export async function getSessionByToken(ctx: DbContext, token: string): Promise<Session> {
  const where = "sessions.getByToken";
  parseInput(z.string().min(1), token, where);
  const row = await ctx.prisma.session.findUnique({ where: { token } });
  if (!row) throw notFound(where, "A session with this token", {});
  return toSession(await expireIfDue(ctx, row), where);
}

export async function getSession(ctx: DbContext, id: string): Promise<Session> {
  const where = "sessions.get";
  parseInput(IdSchema, id, where);
  const row = await ctx.prisma.session.findUnique({ where: { id } });
  if (!row) throw notFound(where, `Session ${id}`, { sessionId: id });
  return toSession(await expireIfDue(ctx, row), where);
}

async function expireIfDue(ctx: DbContext, row: SessionRow): Promise<SessionRow> {
  const now = ctx.now();
  if (row.status !== "active" || row.expiresAt.getTime() > now.getTime()) return row;
  await ctx.prisma.session.updateMany({
    where: { id: row.id, status: "active", expiresAt: { lte: now } },
    data: { status: "expired", endedAt: now },
  });
  return (await ctx.prisma.session.findUnique({ where: { id: row.id } })) ?? row;
}

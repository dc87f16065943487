import { z } from "zod";
import type { DbContext } from "../connection/db-context";
import { parseInput } from "../errors/db-error";
import { IdSchema } from "../schemas/common";
import { SessionStatusSchema, type Session } from "../schemas/session";
import type { Turn } from "../schemas/turn";
import { toSession, toTurn } from "./to-session";

export const ListSessionsInputSchema = z.object({
  flowId: IdSchema,
  status: SessionStatusSchema.optional(),
  limit: z.number().int().positive().max(1000).default(100),
});
export type ListSessionsInput = z.input<typeof ListSessionsInputSchema>;

/** Sessions of a flow, most recent first. */
export async function listSessions(ctx: DbContext, input: ListSessionsInput): Promise<Session[]> {
  const where = "sessions.list";
  const data = parseInput(ListSessionsInputSchema, input, where);
  const rows = await ctx.prisma.session.findMany({
    where: { flowId: data.flowId, ...(data.status ? { status: data.status } : {}) },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: data.limit,
  });
  return rows.map((row) => toSession(row, where));
}

/** The turns of a session in order. */
export async function listTurns(ctx: DbContext, sessionId: string): Promise<Turn[]> {
  const where = "turns.list";
  parseInput(IdSchema, sessionId, where);
  const rows = await ctx.prisma.turn.findMany({ where: { sessionId }, orderBy: { index: "asc" } });
  return rows.map((row) => toTurn(row, where));
}

import type { DbContext } from "../connection/db-context";
import { notFound, parseInput } from "../errors/db-error";
import { IdSchema } from "../schemas/common";
import type { FlowSummary } from "../schemas/flow";
import { flowSummarySelect, toFlowSummary } from "./to-flow";

/** Soft delete: the flow disappears from lists; versions, sessions and runs are kept. Idempotent. */
export async function deleteFlow(ctx: DbContext, id: string): Promise<FlowSummary> {
  const where = "flows.delete";
  parseInput(IdSchema, id, where);
  const existing = await ctx.prisma.flow.findUnique({ where: { id }, select: flowSummarySelect });
  if (!existing) throw notFound(where, `Flow ${id}`, { flowId: id });
  if (existing.deletedAt !== null) return toFlowSummary(existing);
  const row = await ctx.prisma.flow.update({ where: { id }, data: { deletedAt: ctx.now() }, select: flowSummarySelect });
  return toFlowSummary(row);
}

/** Undoes a soft delete. Idempotent. */
export async function restoreFlow(ctx: DbContext, id: string): Promise<FlowSummary> {
  const where = "flows.restore";
  parseInput(IdSchema, id, where);
  const existing = await ctx.prisma.flow.findUnique({ where: { id }, select: flowSummarySelect });
  if (!existing) throw notFound(where, `Flow ${id}`, { flowId: id });
  if (existing.deletedAt === null) return toFlowSummary(existing);
  const row = await ctx.prisma.flow.update({ where: { id }, data: { deletedAt: null }, select: flowSummarySelect });
  return toFlowSummary(row);
}

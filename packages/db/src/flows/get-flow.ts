import type { DbContext } from "../connection/db-context";
import { notFound, parseInput } from "../errors/db-error";
import { GetFlowInputSchema, type Flow, type GetFlowInput } from "../schemas/flow";
import { toFlow } from "./to-flow";

/** A flow with its draft, by id or slug; soft-deleted flows only with includeDeleted. */
export async function getFlow(ctx: DbContext, input: GetFlowInput): Promise<Flow> {
  const where = "flows.get";
  const data = parseInput(GetFlowInputSchema, input, where);
  const row =
    "id" in data
      ? await ctx.prisma.flow.findUnique({ where: { id: data.id } })
      : await ctx.prisma.flow.findUnique({ where: { slug: data.slug } });
  const label = "id" in data ? `Flow ${data.id}` : `Flow "${data.slug}"`;
  if (!row || (row.deletedAt !== null && !data.includeDeleted)) throw notFound(where, label);
  return toFlow(row, where);
}

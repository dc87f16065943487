import type { DbContext } from "../connection/db-context";
import { notFound, parseInput } from "../errors/db-error";
import { IdSchema } from "../schemas/common";
import type { FlowVersionSummary } from "../schemas/version";
import { toVersionSummary, versionSummarySelect } from "./to-version";

/** Versions of a flow (deleted flows included), newest first, without documents. */
export async function listVersions(ctx: DbContext, flowId: string): Promise<FlowVersionSummary[]> {
  const where = "versions.list";
  parseInput(IdSchema, flowId, where);
  const flow = await ctx.prisma.flow.findUnique({ where: { id: flowId }, select: { id: true } });
  if (!flow) throw notFound(where, `Flow ${flowId}`, { flowId });
  const rows = await ctx.prisma.flowVersion.findMany({
    where: { flowId },
    orderBy: { number: "desc" },
    select: versionSummarySelect,
  });
  return rows.map(toVersionSummary);
}

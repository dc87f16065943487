import type { DbContext } from "../connection/db-context";
import { parseInput } from "../errors/db-error";
import { ListFlowsInputSchema, type FlowSummary, type ListFlowsInput } from "../schemas/flow";
import { flowSummarySelect, toFlowSummary } from "./to-flow";

/** Flows without their documents, most recently updated first. */
export async function listFlows(ctx: DbContext, input?: ListFlowsInput): Promise<FlowSummary[]> {
  const data = parseInput(ListFlowsInputSchema, input, "flows.list");
  const rows = await ctx.prisma.flow.findMany({
    where: data.includeDeleted ? {} : { deletedAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: flowSummarySelect,
  });
  return rows.map(toFlowSummary);
}

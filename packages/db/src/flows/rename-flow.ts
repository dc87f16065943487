import type { DbContext } from "../connection/db-context";
import { parseInput } from "../errors/db-error";
import { RenameFlowInputSchema, type FlowSummary, type RenameFlowInput } from "../schemas/flow";
import { findLiveFlow } from "./find-live-flow";
import { flowSummarySelect, toFlowSummary } from "./to-flow";

/** Changes the name (and optionally the description). The slug stays: links keep working. */
export async function renameFlow(ctx: DbContext, input: RenameFlowInput): Promise<FlowSummary> {
  const where = "flows.rename";
  const data = parseInput(RenameFlowInputSchema, input, where);
  await findLiveFlow(ctx.prisma, data.id, where);
  const row = await ctx.prisma.flow.update({
    where: { id: data.id },
    data: { name: data.name, ...(data.description === undefined ? {} : { description: data.description }) },
    select: flowSummarySelect,
  });
  return toFlowSummary(row);
}

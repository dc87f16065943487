import type { DbContext } from "../connection/db-context";
import { notFound, parseInput } from "../errors/db-error";
import { GetVersionInputSchema, type FlowVersion, type GetVersionInput } from "../schemas/version";
import { toVersion } from "./to-version";

/** A version with its document, by id or by (flowId, number). */
export async function getVersion(ctx: DbContext, input: GetVersionInput): Promise<FlowVersion> {
  const where = "versions.get";
  const data = parseInput(GetVersionInputSchema, input, where);
  const row =
    "id" in data
      ? await ctx.prisma.flowVersion.findUnique({ where: { id: data.id } })
      : await ctx.prisma.flowVersion.findUnique({
          where: { flowId_number: { flowId: data.flowId, number: data.number } },
        });
  if (!row) {
    throw notFound(where, "id" in data ? `Version ${data.id}` : `Version ${data.number} of flow ${data.flowId}`);
  }
  return toVersion(row, where);
}

import type { DbContext } from "../connection/db-context";
import { parseInput } from "../errors/db-error";
import { IdSchema } from "../schemas/common";
import type { Deployment } from "../schemas/deployment";
import { toDeployment } from "./to-deployment";

/** Deployments of a flow, newest first. */
export async function listDeployments(ctx: DbContext, flowId: string): Promise<Deployment[]> {
  parseInput(IdSchema, flowId, "deployments.list");
  const rows = await ctx.prisma.deployment.findMany({
    where: { flowId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toDeployment);
}

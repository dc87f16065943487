import type { DbContext } from "../connection/db-context";
import { parseInput } from "../errors/db-error";
import {
  GetActiveDeploymentInputSchema,
  type Deployment,
  type GetActiveDeploymentInput,
} from "../schemas/deployment";
import { toDeployment } from "./to-deployment";

/** The active deployment of a flow in an environment ("production" by default), or null. */
export async function getActiveDeployment(ctx: DbContext, input: GetActiveDeploymentInput): Promise<Deployment | null> {
  const data = parseInput(GetActiveDeploymentInputSchema, input, "deployments.getActive");
  const row = await ctx.prisma.deployment.findFirst({
    where: { flowId: data.flowId, name: data.name, status: "active" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return row ? toDeployment(row) : null;
}

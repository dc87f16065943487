import type { DbContext, TxClient } from "../connection/db-context";
import { notFound, parseInput } from "../errors/db-error";
import { findLiveFlow } from "../flows/find-live-flow";
import { CreateDeploymentInputSchema, type CreateDeploymentInput, type Deployment } from "../schemas/deployment";
import { toDeployment } from "./to-deployment";

/**
 * Deploys a published version to an environment (name). The environment's previous active
 * deployment becomes `superseded` in the same transaction.
 */
export async function createDeployment(ctx: DbContext, input: CreateDeploymentInput): Promise<Deployment> {
  const where = "deployments.create";
  const data = parseInput(CreateDeploymentInputSchema, input, where);
  return ctx.prisma.$transaction(async (tx) => {
    const flow = await findLiveFlow(tx, data.flowId, where);
    const version = await tx.flowVersion.findUnique({ where: { id: data.versionId }, select: { flowId: true } });
    if (!version || version.flowId !== flow.id) {
      throw notFound(where, `Version ${data.versionId} of flow ${flow.id}`, {
        flowId: flow.id,
        versionId: data.versionId,
      });
    }
    return deployInTransaction(ctx, tx, { flowId: flow.id, versionId: data.versionId, name: data.name, runtimeUrl: data.runtimeUrl ?? null });
  });
}

/** Records an active deployment, superseding the environment's previous one, in the caller's transaction. */
export async function deployInTransaction(
  ctx: DbContext,
  tx: TxClient,
  data: { flowId: string; versionId: string; name: string; runtimeUrl: string | null },
): Promise<Deployment> {
  await tx.deployment.updateMany({
    where: { flowId: data.flowId, name: data.name, status: "active" },
    data: { status: "superseded" },
  });
  const row = await tx.deployment.create({
    data: { flowId: data.flowId, versionId: data.versionId, name: data.name, runtimeUrl: data.runtimeUrl, status: "active", createdAt: ctx.now() },
  });
  return toDeployment(row);
}

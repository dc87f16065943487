import type { DbContext } from "../connection/db-context";
import { notFound, parseInput } from "../errors/db-error";
import { IdSchema } from "../schemas/common";
import type { Deployment } from "../schemas/deployment";
import { toDeployment } from "./to-deployment";

/** Marks a deployment stopped (the environment then has no active deployment). Idempotent. */
export async function stopDeployment(ctx: DbContext, id: string): Promise<Deployment> {
  const where = "deployments.stop";
  parseInput(IdSchema, id, where);
  const existing = await ctx.prisma.deployment.findUnique({ where: { id } });
  if (!existing) throw notFound(where, `Deployment ${id}`, { deploymentId: id });
  if (existing.status === "stopped") return toDeployment(existing);
  return toDeployment(await ctx.prisma.deployment.update({ where: { id }, data: { status: "stopped" } }));
}

import type { DbContext } from "../connection/db-context";
import { isUniqueViolation } from "../connection/prisma-errors";
import { DbError, notFound, parseInput } from "../errors/db-error";
import { findLiveFlow } from "../flows/find-live-flow";
import { writeJsonColumn } from "../json/json-column";
import { CreateSessionInputSchema, type CreateSessionInput, type Session } from "../schemas/session";
import { createSessionToken } from "./create-session-token";
import { toSession } from "./to-session";

/** Starts a session; its token lets any runtime process resume it (getSessionByToken). */
export async function createSession(ctx: DbContext, input: CreateSessionInput): Promise<Session> {
  const where = "sessions.create";
  const data = parseInput(CreateSessionInputSchema, input, where);
  const flow = await findLiveFlow(ctx.prisma, data.flowId, where);
  if (data.versionId !== undefined) {
    const version = await ctx.prisma.flowVersion.findUnique({ where: { id: data.versionId }, select: { flowId: true } });
    if (!version || version.flowId !== flow.id) {
      throw notFound(where, `Version ${data.versionId} of flow ${flow.id}`, { versionId: data.versionId });
    }
  }
  if (data.deploymentId !== undefined) {
    const deployment = await ctx.prisma.deployment.findUnique({
      where: { id: data.deploymentId },
      select: { flowId: true },
    });
    if (!deployment || deployment.flowId !== flow.id) {
      throw notFound(where, `Deployment ${data.deploymentId} of flow ${flow.id}`, { deploymentId: data.deploymentId });
    }
  }
  const now = ctx.now();
  try {
    const row = await ctx.prisma.session.create({
      data: {
        flowId: flow.id,
        versionId: data.versionId ?? null,
        deploymentId: data.deploymentId ?? null,
        token: data.token ?? createSessionToken(),
        status: "active",
        snapshot: writeJsonColumn(data.snapshot),
        nodeId: data.nodeId ?? null,
        revision: 0,
        startedAt: now,
        expiresAt: new Date(now.getTime() + data.ttlMs),
      },
    });
    return toSession(row, where);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DbError("conflict", "That session token is already in use: omit it to get a generated one.", {
        where,
      });
    }
    throw error;
  }
}

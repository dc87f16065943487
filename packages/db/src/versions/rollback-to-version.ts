import type { DbContext } from "../connection/db-context";
import { notFound, parseInput } from "../errors/db-error";
import { findLiveFlow } from "../flows/find-live-flow";
import { draftConflict } from "../flows/save-draft";
import { toFlow } from "../flows/to-flow";
import type { Flow } from "../schemas/flow";
import { RollbackInputSchema, type RollbackInput } from "../schemas/version";

/**
 * Makes a published version's document the draft (a new draft revision; versions are never
 * changed). Publishing right after reports `unchanged` with that version: deploy it instead.
 */
export async function rollbackToVersion(ctx: DbContext, input: RollbackInput): Promise<Flow> {
  const where = "versions.rollback";
  const data = parseInput(RollbackInputSchema, input, where);
  return ctx.prisma.$transaction(async (tx) => {
    const flow = await findLiveFlow(tx, data.flowId, where);
    const version = await tx.flowVersion.findUnique({ where: { id: data.versionId } });
    if (!version || version.flowId !== flow.id) {
      throw notFound(where, `Version ${data.versionId} of flow ${flow.id}`, {
        flowId: flow.id,
        versionId: data.versionId,
      });
    }
    const expected = data.expectedRevision ?? flow.draftRevision;
    const { count } = await tx.flow.updateMany({
      where: { id: flow.id, draftRevision: expected, deletedAt: null },
      data: { document: version.document, draftRevision: { increment: 1 } },
    });
    const row = await tx.flow.findUnique({ where: { id: flow.id } });
    if (!row) throw notFound(where, `Flow ${flow.id}`, { flowId: flow.id });
    if (count === 0) throw draftConflict(where, flow.id, expected, row.draftRevision);
    return toFlow(row, where);
  });
}

import type { DbContext } from "../connection/db-context";
import { DbError, notFound, parseInput } from "../errors/db-error";
import { writeJsonColumn } from "../json/json-column";
import { SaveDraftInputSchema, type Flow, type SaveDraftInput } from "../schemas/flow";
import { toFlow } from "./to-flow";

/**
 * Replaces the draft if it is still at expectedRevision, and increments the revision.
 * The check and the write are one conditional UPDATE, so of two concurrent saves from the same
 * revision exactly one wins; the other gets a conflict and the stored draft is untouched.
 */
export async function saveDraft(ctx: DbContext, input: SaveDraftInput): Promise<Flow> {
  const where = "flows.saveDraft";
  const data = parseInput(SaveDraftInputSchema, input, where);
  return ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.flow.updateMany({
      where: { id: data.id, draftRevision: data.expectedRevision, deletedAt: null },
      data: { document: writeJsonColumn(data.document), draftRevision: { increment: 1 } },
    });
    const row = await tx.flow.findUnique({ where: { id: data.id } });
    if (!row || row.deletedAt !== null) throw notFound(where, `Flow ${data.id}`, { flowId: data.id });
    if (count === 0) throw draftConflict(where, data.id, data.expectedRevision, row.draftRevision);
    return toFlow(row, where);
  });
}

export function draftConflict(where: string, flowId: string, expected: number, current: number): DbError {
  return new DbError(
    "conflict",
    `The draft of flow ${flowId} is at revision ${current}, not ${expected}: someone saved it meanwhile. Reload the draft, reapply your change and save with expectedRevision ${current}.`,
    { where, details: { flowId, expectedRevision: expected, currentRevision: current } },
  );
}

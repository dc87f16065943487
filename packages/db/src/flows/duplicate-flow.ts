import type { DbContext } from "../connection/db-context";
import { parseInput } from "../errors/db-error";
import { DuplicateFlowInputSchema, type DuplicateFlowInput, type Flow } from "../schemas/flow";
import { findLiveFlow } from "./find-live-flow";
import { insertFlow } from "./insert-flow";
import { toFlow } from "./to-flow";

/** A new flow with a copy of the draft (published versions are not copied). */
export async function duplicateFlow(ctx: DbContext, input: DuplicateFlowInput): Promise<Flow> {
  const where = "flows.duplicate";
  const data = parseInput(DuplicateFlowInputSchema, input, where);
  const source = toFlow(await findLiveFlow(ctx.prisma, data.id, where), where);
  return insertFlow(
    ctx,
    {
      name: data.name ?? `${source.name} (copy)`,
      slug: data.slug,
      description: source.description,
      document: source.document,
    },
    where,
  );
}

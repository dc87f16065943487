import type { Client, TxClient } from "../connection/db-context";
import { notFound } from "../errors/db-error";
import type { Flow as FlowRow } from "../generated/sqlite/client";

/** A flow that exists and is not soft-deleted, or a not-found DbError. */
export async function findLiveFlow(prisma: Client | TxClient, id: string, where: string): Promise<FlowRow> {
  const row = await prisma.flow.findUnique({ where: { id } });
  if (!row || row.deletedAt !== null) throw notFound(where, `Flow ${id}`, { flowId: id });
  return row;
}

import type { DbContext } from "../connection/db-context";
import { parseInput } from "../errors/db-error";
import { CreateFlowInputSchema, type CreateFlowInput, type Flow } from "../schemas/flow";
import { insertFlow } from "./insert-flow";

export async function createFlow(ctx: DbContext, input: CreateFlowInput): Promise<Flow> {
  const where = "flows.create";
  const data = parseInput(CreateFlowInputSchema, input, where);
  return insertFlow(ctx, data, where);
}

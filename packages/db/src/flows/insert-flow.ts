import type { DbContext } from "../connection/db-context";
import { isUniqueViolation } from "../connection/prisma-errors";
import { DbError } from "../errors/db-error";
import { writeJsonColumn } from "../json/json-column";
import type { JsonObject } from "../schemas/common";
import type { Flow } from "../schemas/flow";
import { chooseFreeSlug } from "./choose-slug";
import { toFlow } from "./to-flow";

export interface InsertFlowValues {
  name: string;
  slug?: string | undefined;
  description: string;
  document: JsonObject;
}

/** Inserts a flow; a derived slug is retried on a race, an explicit taken slug is a conflict. */
export async function insertFlow(ctx: DbContext, values: InsertFlowValues, where: string): Promise<Flow> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const slug = values.slug ?? (await chooseFreeSlug(ctx.prisma, values.name));
    try {
      const row = await ctx.prisma.flow.create({
        data: {
          name: values.name,
          slug,
          description: values.description,
          document: writeJsonColumn(values.document),
          draftRevision: 1,
        },
      });
      return toFlow(row, where);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (values.slug !== undefined) {
        throw new DbError("conflict", `The slug "${slug}" is taken (perhaps by a deleted flow): choose another.`, {
          where,
          details: { slug },
        });
      }
    }
  }
  throw new DbError("conflict", "Could not find a free slug after several attempts; try again.", { where });
}

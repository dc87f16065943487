import type { Flow as FlowRow } from "../generated/sqlite/client";
import { readJsonColumn } from "../json/json-column";
import { JsonObjectSchema } from "../schemas/common";
import type { Flow, FlowSummary } from "../schemas/flow";

export function toFlowSummary(row: Omit<FlowRow, "document">): FlowSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    draftRevision: row.draftRevision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  };
}

export function toFlow(row: FlowRow, where: string): Flow {
  return { ...toFlowSummary(row), document: readJsonColumn(JsonObjectSchema, row.document, where, "Flow.document") };
}

/** Columns of a flow without its (possibly large) document. */
export const flowSummarySelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  draftRevision: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
} as const;

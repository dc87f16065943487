import type { FlowVersion as FlowVersionRow } from "../generated/sqlite/client";
import { readJsonColumn } from "../json/json-column";
import { JsonObjectSchema } from "../schemas/common";
import type { FlowVersion, FlowVersionSummary } from "../schemas/version";

export function toVersionSummary(row: Omit<FlowVersionRow, "document">): FlowVersionSummary {
  return {
    id: row.id,
    flowId: row.flowId,
    number: row.number,
    contentHash: row.contentHash,
    note: row.note,
    createdAt: row.createdAt,
  };
}

export function toVersion(row: FlowVersionRow, where: string): FlowVersion {
  return {
    ...toVersionSummary(row),
    document: readJsonColumn(JsonObjectSchema, row.document, where, "FlowVersion.document"),
  };
}

export const versionSummarySelect = {
  id: true,
  flowId: true,
  number: true,
  contentHash: true,
  note: true,
  createdAt: true,
} as const;

import type { Session as SessionRow, Turn as TurnRow } from "../generated/sqlite/client";
import { readJsonColumn } from "../json/json-column";
import { JsonObjectSchema } from "../schemas/common";
import { SessionStatusSchema, type Session } from "../schemas/session";
import type { Turn } from "../schemas/turn";

export function toSession(row: SessionRow, where: string): Session {
  return {
    id: row.id,
    flowId: row.flowId,
    versionId: row.versionId,
    deploymentId: row.deploymentId,
    token: row.token,
    status: SessionStatusSchema.parse(row.status),
    snapshot: readJsonColumn(JsonObjectSchema, row.snapshot, where, "Session.snapshot"),
    nodeId: row.nodeId,
    revision: row.revision,
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
    endedAt: row.endedAt,
    expiresAt: row.expiresAt,
  };
}

export function toTurn(row: TurnRow, where: string): Turn {
  return {
    id: row.id,
    sessionId: row.sessionId,
    index: row.index,
    userText: row.userText,
    botText: row.botText,
    nodeId: row.nodeId,
    filler: row.filler,
    timings: readJsonColumn(JsonObjectSchema, row.timings, where, "Turn.timings"),
    createdAt: row.createdAt,
  };
}

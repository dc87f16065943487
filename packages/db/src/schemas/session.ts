import { z } from "zod";
import { IdSchema, JsonObjectInputSchema, JsonObjectSchema } from "./common";
import { TurnInputSchema } from "./turn";

export const SessionStatusSchema = z.enum(["active", "ended", "transferred", "expired"]);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/** Thirty minutes without a saved turn. */
export const DEFAULT_SESSION_TTL_MS = 30 * 60 * 1000;

export const SessionSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  versionId: z.string().nullable(),
  deploymentId: z.string().nullable(),
  token: z.string(),
  status: SessionStatusSchema,
  /** The persisted XState snapshot and transcript (opaque here; the engine owns its shape). */
  snapshot: JsonObjectSchema,
  nodeId: z.string().nullable(),
  /** Incremented by every saved snapshot; pass it back as expectedRevision to detect a stale writer. */
  revision: z.number().int(),
  startedAt: z.date(),
  updatedAt: z.date(),
  endedAt: z.date().nullable(),
  expiresAt: z.date(),
});
export type Session = z.infer<typeof SessionSchema>;

const TtlSchema = z.number().int().positive().max(366 * 24 * 60 * 60 * 1000);

export const CreateSessionInputSchema = z.object({
  flowId: IdSchema,
  versionId: IdSchema.optional(),
  deploymentId: IdSchema.optional(),
  /** Generated (192 random bits, base64url) when absent. */
  token: z.string().min(16, "a session token has at least 16 characters").max(200).optional(),
  snapshot: JsonObjectInputSchema.default({}),
  nodeId: z.string().min(1).optional(),
  ttlMs: TtlSchema.default(DEFAULT_SESSION_TTL_MS),
});
export type CreateSessionInput = z.input<typeof CreateSessionInputSchema>;

export const SaveSnapshotInputSchema = z.object({
  sessionId: IdSchema,
  snapshot: JsonObjectInputSchema,
  nodeId: z.string().min(1).optional(),
  /** The session revision this writer last saw; a mismatch is a conflict (another process moved on). */
  expectedRevision: z.number().int().nonnegative().optional(),
  /** The turn that produced this snapshot, written in the same transaction. */
  turn: TurnInputSchema.optional(),
  /** Extends expiresAt to now + ttlMs. */
  ttlMs: TtlSchema.default(DEFAULT_SESSION_TTL_MS),
});
export type SaveSnapshotInput = z.input<typeof SaveSnapshotInputSchema>;

export const EndSessionInputSchema = z.object({
  sessionId: IdSchema,
  status: z.enum(["ended", "transferred"]).default("ended"),
});
export type EndSessionInput = z.input<typeof EndSessionInputSchema>;

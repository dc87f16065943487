import { z } from "zod";

export const TranscriptEntrySchema = z.object({
  role: z.enum(["user", "assistant", "filler", "backchannel"]),
  text: z.string(),
  nodeId: z.string(),
  at: z.number(),
  turnId: z.string().optional(),
  /** Assistant text the user never heard because they interrupted. */
  interrupted: z.boolean().optional(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntrySchema>;

export const ChatMessageSchema = z.object({ role: z.enum(["system", "user", "assistant"]), content: z.string() });

/**
 * What a session persists after every turn: enough to resume at the same node, with the same
 * variables and transcript, in another process. The task track's XState snapshot is opaque JSON.
 */
export const SessionSnapshotSchema = z.object({
  version: z.literal(1),
  sessionId: z.string(),
  flowId: z.string(),
  task: z.unknown(),
  history: z.array(ChatMessageSchema),
  transcript: z.array(TranscriptEntrySchema),
  turnCounter: z.number().int(),
  savedAt: z.number(),
});
export type SessionSnapshot = z.infer<typeof SessionSnapshotSchema>;

import { z } from "zod";

/** Delays a scripted reply observes; the `x-test-latency-ms` header overrides the first one. */
export const TimingSchema = z.object({
  /** Before the first token (streams) or before the whole response. */
  firstTokenDelayMs: z.number().int().min(0).optional(),
  /** Between streamed chunks. */
  interTokenDelayMs: z.number().int().min(0).optional(),
});
export type Timing = z.infer<typeof TimingSchema>;

export const ErrorStepSchema = z.object({
  type: z.literal("error"),
  status: z.number().int().min(400).max(599),
  message: z.string().default("scripted failure"),
  /** Sent as `retry-after-ms`, which the SDK and our adapters read. */
  retryAfterMs: z.number().int().min(0).optional(),
});

/** Accepts the request and never answers, until the client leaves or the server closes. */
export const HangStepSchema = z.object({ type: z.literal("hang") });

export const ScriptedToolCallSchema = z.object({
  name: z.string().min(1),
  /** An object is serialised; a string is sent verbatim (to script malformed JSON). */
  arguments: z.union([z.string(), z.record(z.string(), z.unknown())]),
});
export type ScriptedToolCall = z.infer<typeof ScriptedToolCallSchema>;

export const ChatStepSchema = z.discriminatedUnion("type", [
  TimingSchema.extend({
    type: z.literal("text"),
    text: z.string(),
    /** Exact streamed pieces; default: one per word. */
    chunks: z.array(z.string()).optional(),
    /** Drop the connection after this many content chunks (a provider crashing mid-stream). */
    breakAfterChunks: z.number().int().min(0).optional(),
  }),
  TimingSchema.extend({
    type: z.literal("tool_calls"),
    calls: z.array(ScriptedToolCallSchema).min(1),
    /** Text streamed before the calls. */
    text: z.string().optional(),
    /** Size of the argument fragments in streamed deltas. */
    argumentChunkChars: z.number().int().min(1).default(7),
  }),
  ErrorStepSchema,
  HangStepSchema,
]);
export type ChatStep = z.input<typeof ChatStepSchema>;
export type ParsedChatStep = z.output<typeof ChatStepSchema>;

export const TranscriptionStepSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string(), delayMs: z.number().int().min(0).optional() }),
  ErrorStepSchema,
  HangStepSchema,
]);
export type TranscriptionStep = z.input<typeof TranscriptionStepSchema>;

export const SpeechStepSchema = z.discriminatedUnion("type", [
  /** Synthesise the request's input (or `text` instead), paced as given. */
  z.object({
    type: z.literal("audio"),
    text: z.string().optional(),
    firstByteDelayMs: z.number().int().min(0).optional(),
    /** Re-chunk the audio into pieces of this many bytes, `chunkDelayMs` apart. */
    chunkBytes: z.number().int().min(2).optional(),
    chunkDelayMs: z.number().int().min(0).optional(),
  }),
  ErrorStepSchema,
  HangStepSchema,
]);
export type SpeechStep = z.input<typeof SpeechStepSchema>;

/** Queues per route; each call of setScript replaces the queues it names. Empty → default responder. */
export const ServerScriptSchema = z.object({
  chat: z.array(ChatStepSchema).optional(),
  transcriptions: z.array(TranscriptionStepSchema).optional(),
  speech: z.array(SpeechStepSchema).optional(),
});
export type ServerScript = z.input<typeof ServerScriptSchema>;
export type ParsedServerScript = z.output<typeof ServerScriptSchema>;

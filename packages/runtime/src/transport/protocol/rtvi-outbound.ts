import { z } from "zod";
import { RTVI_LABEL } from "./rtvi-version";

/** RTVI messages the server sends (client-js 1.13.x `handleMessage`); the envelope carries no id unless a reply. */
const label = z.literal(RTVI_LABEL);
const bare = <T extends string>(type: T) => z.object({ label, type: z.literal(type), id: z.string().optional() });
const withData = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ label, type: z.literal(type), id: z.string().optional(), data });
const text = z.object({ text: z.string() });
const processorValue = z.object({ processor: z.string(), value: z.number(), model: z.string().optional() });

export const RtviBotReadySchema = withData(
  "bot-ready",
  z.object({ version: z.string(), about: z.record(z.string(), z.unknown()).optional() }),
);
export const RtviErrorSchema = withData("error", z.object({ error: z.string(), fatal: z.boolean(), message: z.unknown().optional() }));
export const RtviUserTranscriptionSchema = withData(
  "user-transcription",
  // timestamp: ISO 8601; user_id: the client echoes it back to the app untouched.
  z.object({ text: z.string(), final: z.boolean(), timestamp: z.string(), user_id: z.string() }),
);
export const RtviBotOutputSchema = withData(
  "bot-output",
  z.object({
    text: z.string(),
    aggregated_by: z.enum(["word", "sentence"]),
    spoken: z.boolean().optional(),
    segment_id: z.string().optional(),
  }),
);
export const RtviMetricsSchema = withData(
  "metrics",
  // Values in seconds, as Pipecat reports them.
  z.object({ processing: z.array(processorValue).optional(), ttfb: z.array(processorValue).optional(), characters: z.array(processorValue).optional() }),
);
export const RtviServerResponseSchema = z.object({
  label,
  type: z.literal("server-response"),
  /** The id of the client-message request this answers. */
  id: z.string(),
  data: z.object({ t: z.string(), d: z.unknown().optional() }),
});
export const RtviErrorResponseSchema = z.object({ label, type: z.literal("error-response"), id: z.string(), data: z.object({ error: z.string() }) });

export const RtviOutboundSchema = z.discriminatedUnion("type", [
  RtviBotReadySchema,
  RtviErrorSchema,
  bare("user-started-speaking"),
  bare("user-stopped-speaking"),
  bare("bot-started-speaking"),
  bare("bot-stopped-speaking"),
  RtviUserTranscriptionSchema,
  RtviBotOutputSchema,
  withData("bot-llm-text", text),
  withData("bot-tts-text", text),
  bare("bot-llm-started"),
  bare("bot-llm-stopped"),
  bare("bot-tts-started"),
  bare("bot-tts-stopped"),
  RtviMetricsSchema,
  withData("server-message", z.unknown()),
  RtviServerResponseSchema,
  RtviErrorResponseSchema,
]);

export type RtviOutbound = z.infer<typeof RtviOutboundSchema>;
export type RtviOutboundType = RtviOutbound["type"];
export type RtviMetricsData = z.infer<typeof RtviMetricsSchema>["data"];

import { z } from "zod";

/** One turn's timings from the runtime (server-message `turn-metrics`), in milliseconds. */
export const TurnMetricsSchema = z.looseObject({
  turnId: z.string(),
  nodeId: z.string(),
  vadEndOfSpeechMs: z.number().optional(),
  sttMs: z.number().optional(),
  understandingMs: z.number().optional(),
  llmFirstTokenMs: z.number().optional(),
  ttsFirstAudioMs: z.number().optional(),
  transportMs: z.number().optional(),
  voiceToVoiceMs: z.number().optional(),
  filler: z.string().nullable().optional(),
});
export type TurnMetrics = z.infer<typeof TurnMetricsSchema>;

/** The runtime's app messages (RTVI `server-message` data). Unknown ones are ignored. */
export const RuntimeServerMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("node"), nodeId: z.string(), previousNodeId: z.string().nullable().optional(), variables: z.record(z.string(), z.unknown()).optional() }),
  z.object({ type: z.literal("turn-metrics"), metrics: TurnMetricsSchema }),
  z.object({ type: z.literal("end"), outcome: z.unknown().optional() }),
  z.object({ type: z.literal("transfer"), target: z.unknown().optional(), handoff: z.unknown().optional() }),
]);
export type RuntimeServerMessage = z.infer<typeof RuntimeServerMessageSchema>;

/** `POST /start` answers this (client-js passes it to connect()). */
export const StartAnswerSchema = z.object({ wsUrl: z.string(), token: z.string().optional() });

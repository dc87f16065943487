import { z } from "zod";

/**
 * The session's event contract. Times are milliseconds on the session clock (virtual in tests
 * and simulation, wall time in the runtime) unless a name says otherwise.
 */

export const SessionInputSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user.speechStarted") }),
  /** An interim transcript; `stable` means the recogniser will not revise this prefix. */
  z.object({ type: z.literal("user.partial"), text: z.string(), stable: z.boolean().default(false) }),
  z.object({ type: z.literal("user.final"), text: z.string() }),
  z.object({ type: z.literal("user.speechStopped") }),
  /** Typed text: a whole user turn at once. */
  z.object({ type: z.literal("user.text"), text: z.string() }),
  /** What the user has actually heard of a bot turn so far (from the transport's playback clock). */
  z.object({ type: z.literal("playback.progress"), turnId: z.string(), playedText: z.string() }),
  z.object({ type: z.literal("playback.done"), turnId: z.string() }),
  /** The runtime reports when the first audio of a turn reached the user. */
  z.object({ type: z.literal("playback.started"), turnId: z.string() }),
]);
export type SessionInput = z.input<typeof SessionInputSchema>;

export const TurnMetricsSchema = z.object({
  turnId: z.string(),
  nodeId: z.string(),
  /** Session-clock times; absent when the stage did not happen in this turn. */
  userSpeechEndedAt: z.number().optional(),
  finalTranscriptAt: z.number().optional(),
  understandingDoneAt: z.number().optional(),
  firstTokenAt: z.number().optional(),
  firstSpeechAt: z.number().optional(),
  firstAudioPlayedAt: z.number().optional(),
  filler: z.string().optional(),
  fillerAt: z.number().optional(),
  speculative: z.enum(["committed", "discarded"]).optional(),
  /** Budgets this turn exceeded, e.g. "firstSpeechMs". */
  overBudget: z.array(z.string()).default([]),
});
export type TurnMetrics = z.infer<typeof TurnMetricsSchema>;

export const SessionOutputSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("speech.start"), turnId: z.string(), nodeId: z.string(), at: z.number() }),
  z.object({ type: z.literal("speech.chunk"), turnId: z.string(), text: z.string(), at: z.number() }),
  z.object({ type: z.literal("speech.end"), turnId: z.string(), at: z.number(), interrupted: z.boolean() }),
  z.object({ type: z.literal("filler"), turnId: z.string(), text: z.string(), at: z.number() }),
  z.object({ type: z.literal("backchannel"), text: z.string(), at: z.number() }),
  z.object({
    type: z.literal("tool.started"),
    nodeId: z.string(),
    name: z.string(),
    args: z.record(z.string(), z.unknown()),
    at: z.number(),
  }),
  z.object({
    type: z.literal("tool.finished"),
    nodeId: z.string(),
    name: z.string(),
    ok: z.boolean(),
    result: z.unknown(),
    at: z.number(),
  }),
  z.object({
    type: z.literal("state.changed"),
    nodeId: z.string(),
    previousNodeId: z.string().nullable(),
    variables: z.record(z.string(), z.unknown()),
    at: z.number(),
  }),
  /** Coverage trace: an edge taken or a global handler fired (qualified ids). */
  z.object({ type: z.literal("trace"), kind: z.enum(["edge", "global"]), id: z.string(), at: z.number() }),
  z.object({ type: z.literal("transfer"), target: z.string(), handoff: z.string().optional(), at: z.number() }),
  z.object({ type: z.literal("end"), outcome: z.string().optional(), at: z.number() }),
  z.object({ type: z.literal("turn.metrics"), metrics: TurnMetricsSchema }),
  /** An engine fault; `recoverable` faults leave the session running. */
  z.object({
    type: z.literal("error"),
    category: z.enum(["understanding", "generation", "tool", "flow", "internal"]),
    message: z.string(),
    recoverable: z.boolean(),
    at: z.number(),
  }),
]);
export type SessionOutput = z.infer<typeof SessionOutputSchema>;
export type SessionOutputType = SessionOutput["type"];

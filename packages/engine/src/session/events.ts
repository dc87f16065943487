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
export type ParsedSessionInput = z.output<typeof SessionInputSchema>;

/**
 * For each input type whose fields are all required strings: those fields. Read from the schema
 * (types with other fields, like `user.partial` and its default, are left to it), so the fast
 * path below cannot drift from it.
 */
const STRING_FIELDS = new Map<unknown, readonly string[]>(
  SessionInputSchema.options.flatMap((option) => {
    const fields = Object.entries(option.shape).filter(([key]) => key !== "type");
    if (!fields.every(([, field]) => field instanceof z.ZodString)) return [];
    return [[option.shape.type.value, fields.map(([key]) => key)] as const];
  }),
);

/**
 * `SessionInputSchema.safeParse`, with a fast path: a session gets several inputs per user turn,
 * and most are already well formed, which a few typeof checks confirm at a fraction of zod's cost.
 * The input is then used as it is (the fields read are the schema's; extra ones are never read).
 * Anything else goes through the schema, so bad input gets zod's error.
 */
export function parseSessionInput(raw: unknown): ReturnType<typeof SessionInputSchema.safeParse> {
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
    const input = raw as Record<string, unknown>;
    const fields = STRING_FIELDS.get(input.type);
    if (fields?.every((field) => typeof input[field] === "string")) return { success: true, data: raw as ParsedSessionInput };
  }
  return SessionInputSchema.safeParse(raw);
}

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

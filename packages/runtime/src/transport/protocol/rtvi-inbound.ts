import { z } from "zod";
import { describeUnknown, fail, ok, transportError, type Result } from "../errors";
import { RTVI_LABEL } from "./rtvi-version";

/** RTVI messages a client sends (client-js 1.13.x); others are "unknown" and ignored by the transport. */
const label = z.literal(RTVI_LABEL);
const id = z.string().optional();

export const RtviClientReadySchema = z.object({
  label,
  id,
  type: z.literal("client-ready"),
  data: z.object({ version: z.string(), about: z.record(z.string(), z.unknown()).optional() }),
});
export const RtviSendTextSchema = z.object({
  label,
  id,
  type: z.literal("send-text"),
  data: z.object({
    content: z.string(),
    // Pipecat defaults both to true: interrupt the bot, run the LLM and speak the answer.
    options: z.object({ run_immediately: z.boolean().optional(), audio_response: z.boolean().optional() }).optional(),
  }),
});
export const RtviClientMessageSchema = z.object({
  label,
  id,
  type: z.literal("client-message"),
  data: z.object({ t: z.string(), d: z.unknown().optional() }),
});
export const RtviDisconnectBotSchema = z.object({ label, id, type: z.literal("disconnect-bot"), data: z.unknown().optional() });
/** Deprecated by client-js but still sent by older clients. */
export const RtviAppendToContextSchema = z.object({
  label,
  id,
  type: z.literal("append-to-context"),
  data: z.object({ role: z.enum(["user", "assistant"]), content: z.unknown(), run_immediately: z.boolean().optional() }),
});

export const RtviInboundSchema = z.discriminatedUnion("type", [
  RtviClientReadySchema,
  RtviSendTextSchema,
  RtviClientMessageSchema,
  RtviDisconnectBotSchema,
  RtviAppendToContextSchema,
]);
export type RtviInbound = z.infer<typeof RtviInboundSchema>;
export type RtviInboundType = RtviInbound["type"];

const KNOWN_TYPES: ReadonlySet<string> = new Set(RtviInboundSchema.options.map((option) => option.shape.type.value));
const EnvelopeSchema = z.object({ label, type: z.string(), id: z.string().optional() });

export type ParsedInbound =
  | { readonly kind: "message"; readonly message: RtviInbound }
  /** A well-formed envelope of a type we do not handle (e.g. ui-event, dtmf): ignore it. */
  | { readonly kind: "unknown"; readonly type: string; readonly id: string | undefined };

/** Why an inbound RTVI text was rejected; `id` lets the caller send an error-response. */
export interface InboundRejection {
  readonly error: ReturnType<typeof transportError>;
  readonly id: string | undefined;
  readonly type: string | undefined;
}

export function parseRtviInbound(json: string): Result<ParsedInbound, InboundRejection> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (cause) {
    return fail({ error: transportError("transport/invalid-json", `RTVI message is not JSON (${describeUnknown(cause)})`), id: undefined, type: undefined });
  }
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return fail({
      error: transportError("transport/invalid-rtvi", `Not an RTVI envelope: expected {label:"${RTVI_LABEL}", type, id?, data?}`),
      id: undefined,
      type: undefined,
    });
  }
  const { type, id: messageId } = envelope.data;
  if (!KNOWN_TYPES.has(type)) return ok({ kind: "unknown", type, id: messageId });
  const parsed = RtviInboundSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    return fail({ error: transportError("transport/invalid-rtvi", `Invalid "${type}" message: ${where}`), id: messageId, type });
  }
  return ok({ kind: "message", message: parsed.data });
}

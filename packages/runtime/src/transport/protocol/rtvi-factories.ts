import type { RtviMetricsData, RtviOutbound } from "./rtvi-outbound";
import { RTVI_LABEL, RTVI_PROTOCOL_VERSION } from "./rtvi-version";

/** Builds outgoing RTVI messages; each result satisfies RtviOutboundSchema (tested). */

type Of<T extends RtviOutbound["type"]> = Extract<RtviOutbound, { type: T }>;
const bare = <T extends RtviOutbound["type"]>(type: T) => () => ({ label: RTVI_LABEL, type }) as Of<T>;

export const rtvi = {
  /** The reply to client-ready: `id` must echo the client-ready id. */
  botReady(id: string | undefined, about?: Record<string, unknown>): Of<"bot-ready"> {
    return { label: RTVI_LABEL, type: "bot-ready", ...(id !== undefined ? { id } : {}), data: { version: RTVI_PROTOCOL_VERSION, ...(about ? { about } : {}) } };
  },
  /** A fatal error makes the client disconnect. */
  error(error: string, fatal = false): Of<"error"> {
    return { label: RTVI_LABEL, type: "error", data: { error, fatal } };
  },
  userStartedSpeaking: bare("user-started-speaking"),
  userStoppedSpeaking: bare("user-stopped-speaking"),
  botStartedSpeaking: bare("bot-started-speaking"),
  botStoppedSpeaking: bare("bot-stopped-speaking"),
  botLlmStarted: bare("bot-llm-started"),
  botLlmStopped: bare("bot-llm-stopped"),
  botTtsStarted: bare("bot-tts-started"),
  botTtsStopped: bare("bot-tts-stopped"),
  userTranscription(input: { text: string; final: boolean; userId?: string; timestamp?: Date | string }): Of<"user-transcription"> {
    const timestamp = input.timestamp instanceof Date ? input.timestamp.toISOString() : (input.timestamp ?? new Date().toISOString());
    return { label: RTVI_LABEL, type: "user-transcription", data: { text: input.text, final: input.final, timestamp, user_id: input.userId ?? "user" } };
  },
  /** The bot's text as the client should show it; `spoken: false` for text that will not be voiced. */
  botOutput(input: { text: string; aggregatedBy?: "word" | "sentence"; spoken?: boolean; segmentId?: string }): Of<"bot-output"> {
    return {
      label: RTVI_LABEL,
      type: "bot-output",
      data: {
        text: input.text,
        aggregated_by: input.aggregatedBy ?? "sentence",
        spoken: input.spoken ?? true,
        ...(input.segmentId !== undefined ? { segment_id: input.segmentId } : {}),
      },
    };
  },
  botLlmText(text: string): Of<"bot-llm-text"> {
    return { label: RTVI_LABEL, type: "bot-llm-text", data: { text } };
  },
  botTtsText(text: string): Of<"bot-tts-text"> {
    return { label: RTVI_LABEL, type: "bot-tts-text", data: { text } };
  },
  metrics(data: RtviMetricsData): Of<"metrics"> {
    return { label: RTVI_LABEL, type: "metrics", data };
  },
  serverMessage(data: unknown): Of<"server-message"> {
    return { label: RTVI_LABEL, type: "server-message", data };
  },
  /** Answers a client-message request (`sendClientRequest`): `id` is the request's id. */
  serverResponse(id: string, t: string, d?: unknown): Of<"server-response"> {
    return { label: RTVI_LABEL, type: "server-response", id, data: d === undefined ? { t } : { t, d } };
  },
  errorResponse(id: string, error: string): Of<"error-response"> {
    return { label: RTVI_LABEL, type: "error-response", id, data: { error } };
  },
};

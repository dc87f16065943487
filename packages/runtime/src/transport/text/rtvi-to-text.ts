import type { RtviOutbound } from "../protocol/rtvi-outbound";
import type { TextOutbound } from "./text-messages";

/** Maps what the pipeline says in RTVI to the text channel's messages; null for what text clients need not see. */
export function rtviToText(message: RtviOutbound): TextOutbound | null {
  switch (message.type) {
    case "bot-ready":
      return null; // the text channel sends its own `ready` on connect
    case "bot-output":
      return { type: "bot.text", text: message.data.text, final: message.data.aggregated_by === "sentence" };
    case "bot-llm-started":
      return { type: "bot.state", state: "thinking" };
    case "bot-started-speaking":
      return { type: "bot.state", state: "speaking" };
    case "bot-stopped-speaking":
      return { type: "bot.state", state: "listening" };
    case "user-transcription":
      return { type: "user.transcript", text: message.data.text, final: message.data.final };
    case "server-message":
      return { type: "server.message", data: message.data };
    case "server-response":
      return { type: "server.response", id: message.id, ok: true, t: message.data.t, d: message.data.d };
    case "error-response":
      return { type: "server.response", id: message.id, ok: false, error: message.data.error };
    case "error":
      return { type: "error", error: message.data.error, fatal: message.data.fatal };
    default:
      return { type: "rtvi", message };
  }
}

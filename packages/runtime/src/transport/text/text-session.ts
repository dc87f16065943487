import type { WebSocket } from "ws";
import { samplesToMs } from "../audio/pcm";
import { describeUnknown } from "../errors";
import { createEventHub } from "../event-hub";
import type { ResolvedPipecatOptions } from "../pipecat/pipecat-options";
import { BOT_SAMPLE_RATE } from "../pipecat/pipecat-options";
import { EMPTY_PLAYBACK, type TransportSession } from "../session";
import { createSessionSocket } from "../session-socket";
import { rtviToText } from "./rtvi-to-text";
import { TextInboundSchema, type TextOutbound } from "./text-messages";

/** A text-only session: the same interface as a voice session, JSON text frames on the wire, no audio. */
export function createTextSession(ws: WebSocket, init: { id: string; token: string | undefined }, options: ResolvedPipecatOptions): TransportSession {
  const { logger } = options;
  const hub = createEventHub((cause) => logger.warn("session listener threw", { sessionId: init.id, cause }));

  const onMessage = (bytes: Buffer, isBinary: boolean) => {
    if (isBinary) return socket.reject({ code: "transport/unsupported", message: "the text channel takes JSON text frames, not binary" });
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString("utf8"));
    } catch (cause) {
      return socket.reject({ code: "transport/invalid-json", message: describeUnknown(cause) });
    }
    const parsed = TextInboundSchema.safeParse(raw);
    if (!parsed.success) {
      return socket.reject({ code: "transport/bad-request", message: `expected {"type":"user.text","text":"..."} (${parsed.error.issues[0]?.message ?? "invalid"})` });
    }
    const message = parsed.data;
    if (message.type === "user.text") hub.emit({ type: "text", text: message.text, runImmediately: true, audioResponse: false });
    else hub.emit({ type: "client-message", id: message.id, t: message.t, d: message.d });
  };

  const socket = createSessionSocket(ws, init.id, options, {
    onMessage,
    encodeError: (error, fatal) => JSON.stringify({ type: "error", error, fatal } satisfies TextOutbound),
    onEnd: (reason) => hub.emit({ type: "disconnect", reason }),
  });

  const send = (message: TextOutbound) => {
    socket.send(JSON.stringify(message));
  };

  send({ type: "ready", sessionId: init.id });
  hub.emit({ type: "ready", clientVersion: "text", about: undefined });

  return {
    id: init.id,
    kind: "text-ws",
    token: init.token,
    capabilities: { audio: false },
    get closed() {
      return socket.closed;
    },
    on: hub.on,
    // No audio on this channel: report it as dropped so the engine's "what was heard" stays true.
    sendAudio: (pcm24k) => Promise.resolve({ ...EMPTY_PLAYBACK, droppedMs: samplesToMs(pcm24k.length, BOT_SAMPLE_RATE) }),
    stopAudio: () => EMPTY_PLAYBACK,
    sendRtvi(message) {
      const text = rtviToText(message);
      if (text) send(text);
    },
    close: (reason = "server closed the session") => socket.close("server-close", reason),
  };
}

import type { RawData, WebSocket } from "ws";
import { samplesToMs } from "../audio/pcm";
import { describeUnknown } from "../errors";
import { createEventHub } from "../event-hub";
import type { ResolvedPipecatOptions } from "../pipecat/pipecat-options";
import { BOT_SAMPLE_RATE } from "../pipecat/pipecat-options";
import { EMPTY_PLAYBACK, type DisconnectCode, type TransportSession } from "../session";
import { rtviToText } from "./rtvi-to-text";
import { TextInboundSchema, type TextOutbound } from "./text-messages";

/** A text-only session: the same interface as a voice session, JSON text frames on the wire, no audio. */
export function createTextSession(ws: WebSocket, init: { id: string; token: string | undefined }, options: ResolvedPipecatOptions): TransportSession {
  const { logger } = options;
  const hub = createEventHub((cause) => logger.warn("session listener threw", { sessionId: init.id, cause }));
  let closed = false;
  let strikes = 0;

  const send = (message: TextOutbound) => {
    if (closed || ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify(message));
    if (ws.bufferedAmount > options.maxBufferedBytes) end("slow-consumer", `client is not reading (${ws.bufferedAmount} bytes unsent)`, "terminate");
  };

  function end(code: DisconnectCode, message: string, how: "close" | "terminate" | "none", wsCode = 1000) {
    if (closed) return;
    closed = true;
    hub.emit({ type: "disconnect", reason: { code, message } });
    if (how === "terminate") ws.terminate();
    else if (how === "close") ws.close(wsCode, code);
  }

  const reject = (error: string) => {
    strikes += 1;
    const fatal = strikes > options.maxMalformedMessages;
    send({ type: "error", error, fatal });
    if (fatal) end("abuse", `${strikes} malformed messages`, "close", 1008);
  };

  const onMessage = (data: RawData, isBinary: boolean) => {
    if (closed) return;
    const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data;
    if (bytes.byteLength > options.maxMessageBytes) {
      send({ type: "error", error: `transport/message-too-large: ${bytes.byteLength} bytes exceeds ${options.maxMessageBytes}`, fatal: true });
      return end("message-too-large", `inbound message of ${bytes.byteLength} bytes`, "close", 1009);
    }
    if (isBinary) return reject("transport/unsupported: the text channel takes JSON text frames, not binary");
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString("utf8"));
    } catch (cause) {
      return reject(`transport/invalid-json: ${describeUnknown(cause)}`);
    }
    const parsed = TextInboundSchema.safeParse(raw);
    if (!parsed.success) return reject(`transport/bad-request: expected {"type":"user.text","text":"..."} (${parsed.error.issues[0]?.message ?? "invalid"})`);
    const message = parsed.data;
    if (message.type === "user.text") hub.emit({ type: "text", text: message.text, runImmediately: true, audioResponse: false });
    else hub.emit({ type: "client-message", id: message.id, t: message.t, d: message.d });
  };

  ws.on("message", (data, isBinary) => {
    try {
      onMessage(data, isBinary);
    } catch (cause) {
      logger.warn("message handling failed", { sessionId: init.id, cause });
      end("server-close", "internal error while handling a message", "close", 1011);
    }
  });
  ws.on("close", () => end("client-gone", "socket closed", "none"));
  ws.on("error", (cause) => end("client-gone", cause.message, "none"));
  send({ type: "ready", sessionId: init.id });
  hub.emit({ type: "ready", clientVersion: "text", about: undefined });

  return {
    id: init.id,
    kind: "text-ws",
    token: init.token,
    capabilities: { audio: false },
    get closed() {
      return closed;
    },
    on: hub.on,
    // No audio on this channel: report it as dropped so the engine's "what was heard" stays true.
    sendAudio: (pcm24k) => Promise.resolve({ ...EMPTY_PLAYBACK, droppedMs: samplesToMs(pcm24k.length, BOT_SAMPLE_RATE) }),
    stopAudio: () => EMPTY_PLAYBACK,
    sendRtvi(message) {
      const text = rtviToText(message);
      if (text) send(text);
    },
    close: (reason = "server closed the session") => end("server-close", reason, "close"),
  };
}

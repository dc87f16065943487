import type { RawData, WebSocket } from "ws";
import { createAudioPacer } from "../audio/audio-pacer";
import { bytesToPcm16, pcm16ToBytes } from "../audio/pcm";
import type { TransportError } from "../errors";
import { createEventHub } from "../event-hub";
import { decodeFrame, encodeFrame } from "../protocol/frame-codec";
import { rtvi } from "../protocol/rtvi-factories";
import { parseRtviInbound, type RtviInbound } from "../protocol/rtvi-inbound";
import type { RtviOutbound } from "../protocol/rtvi-outbound";
import { EMPTY_PLAYBACK, type DisconnectCode, type TransportSession } from "../session";
import { BOT_SAMPLE_RATE, type ResolvedPipecatOptions } from "./pipecat-options";

/** WebSocket close codes (RFC 6455). */
const CLOSE = { normal: 1000, policy: 1008, tooBig: 1009 } as const;

/** One client of the Pipecat WebSocket protocol: protobuf frames in and out, RTVI inside. */
export function createPipecatSession(ws: WebSocket, init: { id: string; token: string | undefined }, options: ResolvedPipecatOptions): TransportSession {
  const { logger } = options;
  const hub = createEventHub(
    (cause) => logger.warn("session listener threw", { sessionId: init.id, cause }),
    () => logger.warn("no listener on the session yet: dropping its oldest events", { sessionId: init.id }),
  );
  let closed = false;
  let strikes = 0;

  const sendBytes = (bytes: Uint8Array): boolean => {
    if (closed || ws.readyState !== ws.OPEN) return false;
    ws.send(bytes);
    // A client that stopped reading grows this without bound; drop it before it costs the server.
    if (ws.bufferedAmount > options.maxBufferedBytes) {
      end("slow-consumer", `client is not reading (${ws.bufferedAmount} bytes unsent)`, "terminate");
      return false;
    }
    return true;
  };

  const pacer = createAudioPacer({
    clock: options.clock,
    sampleRate: BOT_SAMPLE_RATE,
    chunkMs: options.audioChunkMs,
    leadMs: options.audioLeadMs,
    send: (chunk) => sendBytes(encodeFrame({ kind: "audio", audio: pcm16ToBytes(chunk), sampleRate: BOT_SAMPLE_RATE, numChannels: 1 })),
  });

  const sendRtvi = (message: RtviOutbound) => {
    sendBytes(encodeFrame({ kind: "message", data: JSON.stringify(message) }));
  };

  /** Ends the session once: tells listeners why, then closes (or, for a peer that cannot read, drops) the socket. */
  function end(code: DisconnectCode, message: string, how: "close" | "terminate" | "none", wsCode: number = CLOSE.normal) {
    if (closed) return;
    pacer.stop();
    closed = true;
    logger.debug("session ended", { sessionId: init.id, code, message });
    hub.emit({ type: "disconnect", reason: { code, message } });
    if (how === "terminate") ws.terminate();
    else if (how === "close") ws.close(wsCode, code);
  }

  const strike = (error: TransportError) => {
    strikes += 1;
    logger.debug("bad message", { sessionId: init.id, strikes, ...error });
    const fatal = strikes > options.maxMalformedMessages;
    sendRtvi(rtvi.error(`${error.code}: ${error.message}`, fatal));
    if (fatal) end("abuse", `${strikes} malformed messages`, "close", CLOSE.policy);
  };

  const onRtvi = (message: RtviInbound) => {
    switch (message.type) {
      case "client-ready":
        if (!message.data.version.startsWith("2.")) logger.debug("client speaks another RTVI major version", { sessionId: init.id, version: message.data.version });
        sendRtvi(rtvi.botReady(message.id, { ...options.about }));
        hub.emit({ type: "ready", clientVersion: message.data.version, about: message.data.about });
        return;
      case "send-text":
        hub.emit({
          type: "text",
          text: message.data.content,
          runImmediately: message.data.options?.run_immediately ?? true,
          audioResponse: message.data.options?.audio_response ?? true,
        });
        return;
      case "client-message":
        hub.emit({ type: "client-message", id: message.id, t: message.data.t, d: message.data.d });
        return;
      case "append-to-context":
        hub.emit({ type: "context", role: message.data.role, content: message.data.content, runImmediately: message.data.run_immediately ?? true });
        return;
      case "disconnect-bot":
        end("client-request", "client sent disconnect-bot", "close");
        return;
    }
  };

  const onMessage = (data: RawData, isBinary: boolean) => {
    if (closed) return;
    const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    if (bytes.byteLength > options.maxMessageBytes) {
      sendRtvi(rtvi.error(`transport/message-too-large: ${bytes.byteLength} bytes exceeds ${options.maxMessageBytes}`, true));
      end("message-too-large", `inbound message of ${bytes.byteLength} bytes`, "close", CLOSE.tooBig);
      return;
    }
    if (!isBinary) {
      strike({ code: "transport/text-frame", message: "text WebSocket frames are not accepted; send binary protobuf pipecat.Frame" });
      return;
    }
    const decoded = decodeFrame(bytes);
    if (!decoded.ok) return strike(decoded.error);
    const frame = decoded.value;
    switch (frame.kind) {
      case "audio":
        hub.emit({ type: "audio", pcm: bytesToPcm16(frame.audio), sampleRate: frame.sampleRate, numChannels: frame.numChannels });
        return;
      case "message": {
        const parsed = parseRtviInbound(frame.data);
        if (!parsed.ok) {
          const { error, id } = parsed.error;
          if (id !== undefined) sendRtvi(rtvi.errorResponse(id, `${error.code}: ${error.message}`));
          return strike(error);
        }
        if (parsed.value.kind === "unknown") {
          logger.debug("ignored RTVI message of unknown type", { sessionId: init.id, type: parsed.value.type });
          return;
        }
        return onRtvi(parsed.value.message);
      }
      default:
        logger.debug("ignored frame", { sessionId: init.id, kind: frame.kind });
    }
  };

  ws.on("message", (data, isBinary) => {
    try {
      onMessage(data, isBinary);
    } catch (cause) {
      // A bug in handling one message must cost at most this session, never the process.
      logger.warn("message handling failed", { sessionId: init.id, cause });
      end("server-close", "internal error while handling a message", "close", 1011);
    }
  });
  ws.on("close", () => end("client-gone", "socket closed", "none"));
  ws.on("error", (cause) => {
    // ws closes the socket itself (e.g. 1009 past its hard payload cap); report, then end.
    logger.debug("socket error", { sessionId: init.id, cause: cause.message });
    const tooBig = (cause as { code?: string }).code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH";
    end(tooBig ? "message-too-large" : "client-gone", cause.message, "none");
  });

  return {
    id: init.id,
    kind: "pipecat-ws",
    token: init.token,
    capabilities: { audio: true },
    get closed() {
      return closed;
    },
    on: hub.on,
    sendAudio: (pcm24k) => (closed ? Promise.resolve(EMPTY_PLAYBACK) : pacer.enqueue(pcm24k)),
    stopAudio: () => pacer.stop(),
    sendRtvi,
    close: (reason = "server closed the session") => end("server-close", reason, "close"),
  };
}

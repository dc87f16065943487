import type { WebSocket } from "ws";
import { createAudioPacer } from "../audio/audio-pacer";
import { bytesToPcm16, pcm16ToBytes } from "../audio/pcm";
import { createEventHub } from "../event-hub";
import { decodeFrame, encodeFrame } from "../protocol/frame-codec";
import { rtvi } from "../protocol/rtvi-factories";
import { parseRtviInbound, type RtviInbound } from "../protocol/rtvi-inbound";
import type { RtviOutbound } from "../protocol/rtvi-outbound";
import { EMPTY_PLAYBACK, type TransportSession } from "../session";
import { createSessionSocket } from "../session-socket";
import { BOT_SAMPLE_RATE, type ResolvedPipecatOptions } from "./pipecat-options";

/** An RTVI message in its Pipecat envelope: a protobuf MessageFrame carrying the JSON. */
function encodeRtvi(message: RtviOutbound): Uint8Array {
  return encodeFrame({ kind: "message", data: JSON.stringify(message) });
}

/** One client of the Pipecat WebSocket protocol: protobuf frames in and out, RTVI inside. */
export function createPipecatSession(ws: WebSocket, init: { id: string; token: string | undefined }, options: ResolvedPipecatOptions): TransportSession {
  const { logger } = options;
  const hub = createEventHub(
    (cause) => logger.warn("session listener threw", { sessionId: init.id, cause }),
    () => logger.warn("no listener on the session yet: dropping its oldest events", { sessionId: init.id }),
  );

  // The handlers below are reached through closures: none runs before the socket's first event.
  const socket = createSessionSocket(ws, init.id, options, {
    onMessage: (bytes, isBinary) => onMessage(bytes, isBinary),
    encodeError: (error, fatal) => encodeRtvi(rtvi.error(error, fatal)),
    onEnd: (reason) => {
      pacer.stop();
      hub.emit({ type: "disconnect", reason });
    },
  });

  const pacer = createAudioPacer({
    clock: options.clock,
    sampleRate: BOT_SAMPLE_RATE,
    chunkMs: options.audioChunkMs,
    leadMs: options.audioLeadMs,
    send: (chunk) => socket.send(encodeFrame({ kind: "audio", audio: pcm16ToBytes(chunk), sampleRate: BOT_SAMPLE_RATE, numChannels: 1 })),
  });

  const sendRtvi = (message: RtviOutbound) => {
    socket.send(encodeRtvi(message));
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
        socket.close("client-request", "client sent disconnect-bot");
        return;
    }
  };

  const onMessage = (bytes: Uint8Array, isBinary: boolean) => {
    if (!isBinary) {
      socket.reject({ code: "transport/text-frame", message: "text WebSocket frames are not accepted; send binary protobuf pipecat.Frame" });
      return;
    }
    const decoded = decodeFrame(bytes);
    if (!decoded.ok) return socket.reject(decoded.error);
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
          return socket.reject(error);
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

  return {
    id: init.id,
    kind: "pipecat-ws",
    token: init.token,
    capabilities: { audio: true },
    get closed() {
      return socket.closed;
    },
    on: hub.on,
    sendAudio: (pcm24k) => (socket.closed ? Promise.resolve(EMPTY_PLAYBACK) : pacer.enqueue(pcm24k)),
    stopAudio: () => pacer.stop(),
    sendRtvi,
    close: (reason = "server closed the session") => socket.close("server-close", reason),
  };
}

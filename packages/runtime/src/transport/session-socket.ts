import type { RawData, WebSocket } from "ws";
import type { TransportError } from "./errors";
import type { TransportLogger } from "./logger";
import type { DisconnectCode, DisconnectReason } from "./session";

/** WebSocket close codes (RFC 6455). */
const CLOSE = { normal: 1000, policy: 1008, tooBig: 1009, internalError: 1011 } as const;

/** The limits every WebSocket session enforces on its client (see PipecatTransportOptions). */
export interface SessionSocketOptions {
  readonly logger: TransportLogger;
  readonly maxMessageBytes: number;
  readonly maxBufferedBytes: number;
  readonly maxMalformedMessages: number;
}

/** What a wire protocol (Pipecat frames, the text channel) plugs into the shared socket handling. */
export interface SessionSocketProtocol {
  /** One inbound message, only while the session is open and within maxMessageBytes. */
  onMessage(bytes: Buffer, isBinary: boolean): void;
  /** Encodes an error for the client in the protocol's own format (an RTVI error, a text `error`). */
  encodeError(error: string, fatal: boolean): Uint8Array | string;
  /** Called once when the session ends, for any reason, before the socket is closed. */
  onEnd(reason: DisconnectReason): void;
}

/** One client's socket with the lifecycle, limits and error policy shared by every session kind. */
export interface SessionSocket {
  readonly closed: boolean;
  /** Sends one message; false when the session is over (or this send ended it for a slow reader). */
  send(message: Uint8Array | string): boolean;
  /** Answers a malformed message with an error; past maxMalformedMessages the session ends as abuse. */
  reject(error: TransportError): void;
  /** Ends the session and closes the socket normally. */
  close(code: DisconnectCode, message: string): void;
}

type EndHow = "close" | "terminate" | "none";

const toBuffer = (data: RawData): Buffer => (Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data);

/**
 * Wires a ws WebSocket to one session: sends with backpressure (a client that stops reading is
 * dropped), the inbound size limit, strikes for malformed messages, a fault while handling one
 * message ending only this session, and exactly one end whatever closes it first.
 */
export function createSessionSocket(ws: WebSocket, sessionId: string, options: SessionSocketOptions, protocol: SessionSocketProtocol): SessionSocket {
  const { logger } = options;
  let closed = false;
  let strikes = 0;

  const send = (message: Uint8Array | string): boolean => {
    if (closed || ws.readyState !== ws.OPEN) return false;
    ws.send(message);
    // A client that stopped reading grows this without bound; drop it before it costs the server.
    if (ws.bufferedAmount > options.maxBufferedBytes) {
      end("slow-consumer", `client is not reading (${ws.bufferedAmount} bytes unsent)`, "terminate");
      return false;
    }
    return true;
  };

  /** Ends the session once: tells the protocol why, then closes (or, for a peer that cannot read, drops) the socket. */
  function end(code: DisconnectCode, message: string, how: EndHow, wsCode: number = CLOSE.normal) {
    if (closed) return;
    closed = true;
    logger.debug("session ended", { sessionId, code, message });
    protocol.onEnd({ code, message });
    if (how === "terminate") ws.terminate();
    else if (how === "close") ws.close(wsCode, code);
  }

  const reject = (error: TransportError) => {
    strikes += 1;
    logger.debug("bad message", { sessionId, strikes, ...error });
    const fatal = strikes > options.maxMalformedMessages;
    send(protocol.encodeError(`${error.code}: ${error.message}`, fatal));
    if (fatal) end("abuse", `${strikes} malformed messages`, "close", CLOSE.policy);
  };

  const onMessage = (data: RawData, isBinary: boolean) => {
    if (closed) return;
    const bytes = toBuffer(data);
    if (bytes.byteLength > options.maxMessageBytes) {
      send(protocol.encodeError(`transport/message-too-large: ${bytes.byteLength} bytes exceeds ${options.maxMessageBytes}`, true));
      end("message-too-large", `inbound message of ${bytes.byteLength} bytes`, "close", CLOSE.tooBig);
      return;
    }
    protocol.onMessage(bytes, isBinary);
  };

  ws.on("message", (data, isBinary) => {
    try {
      onMessage(data, isBinary);
    } catch (cause) {
      // A bug in handling one message must cost at most this session, never the process.
      logger.warn("message handling failed", { sessionId, cause });
      end("server-close", "internal error while handling a message", "close", CLOSE.internalError);
    }
  });
  ws.on("close", () => end("client-gone", "socket closed", "none"));
  ws.on("error", (cause) => {
    // ws closes the socket itself (e.g. 1009 past its hard payload cap); report, then end.
    logger.debug("socket error", { sessionId, cause: cause.message });
    const tooBig = (cause as { code?: string }).code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH";
    end(tooBig ? "message-too-large" : "client-gone", cause.message, "none");
  });

  return {
    get closed() {
      return closed;
    },
    send,
    reject,
    close: (code, message) => end(code, message, "close"),
  };
}

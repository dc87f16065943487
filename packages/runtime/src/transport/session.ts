import type { PlaybackReport } from "./audio/audio-pacer";
import type { RtviOutbound } from "./protocol/rtvi-outbound";

/**
 * The seam between a transport and the pipeline. A transport turns each connection into a
 * TransportSession and hands it to the SessionHandler; the pipeline listens to its events and
 * answers with audio and RTVI messages. Every channel (Pipecat WebSocket, text WebSocket)
 * implements the same interface; `capabilities` says what it can carry.
 */
export type TransportEvent =
  /** The client completed the handshake (client-ready answered with bot-ready). */
  | { readonly type: "ready"; readonly clientVersion: string; readonly about: Readonly<Record<string, unknown>> | undefined }
  /** User microphone audio: s16le mono PCM, as the client sent it (16 kHz from client-js). */
  | { readonly type: "audio"; readonly pcm: Int16Array; readonly sampleRate: number; readonly numChannels: number }
  /** Typed text: a whole user turn (`send-text`, or `user.text` on the text channel). */
  | { readonly type: "text"; readonly text: string; readonly runImmediately: boolean; readonly audioResponse: boolean }
  /** Deprecated `append-to-context` from older clients. */
  | { readonly type: "context"; readonly role: "user" | "assistant"; readonly content: unknown; readonly runImmediately: boolean }
  /** App-defined `client-message`; when `id` is set the client awaits server-response/error-response with it. */
  | { readonly type: "client-message"; readonly id: string | undefined; readonly t: string; readonly d: unknown }
  /** The session ended, for any reason; the last event. */
  | { readonly type: "disconnect"; readonly reason: DisconnectReason };

export type DisconnectCode =
  | "client-request" // disconnect-bot
  | "client-gone" // socket closed by the client or the network
  | "server-close" // session.close() or server shutdown
  | "message-too-large"
  | "abuse" // repeated malformed input
  | "slow-consumer"; // the client stopped reading

export interface DisconnectReason {
  readonly code: DisconnectCode;
  readonly message: string;
}

export type TransportKind = "pipecat-ws" | "text-ws";

export interface TransportSession {
  /** Server-generated, unique per connection. */
  readonly id: string;
  readonly kind: TransportKind;
  /** The `?token=` of the connection URL (from POST /start), for resuming a stored session. */
  readonly token: string | undefined;
  readonly capabilities: { readonly audio: boolean };
  readonly closed: boolean;
  /** Subscribes; events that arrived before the first listener are replayed to it. Returns unsubscribe. */
  on(listener: (event: TransportEvent) => void): () => void;
  /**
   * Queues bot audio (s16le mono 24 kHz) paced in real time; resolves when this segment has
   * played out (estimated) or was stopped. Channels without audio resolve at once with nothing sent.
   */
  sendAudio(pcm24k: Int16Array): Promise<PlaybackReport>;
  /** Barge-in: sends nothing more from now on and reports what the user heard of this utterance. */
  stopAudio(): PlaybackReport;
  sendRtvi(message: RtviOutbound): void;
  close(reason?: string): void;
}

/** Accepts connections of one kind and turns each into a session for the SessionHandler. */
export interface Transport {
  readonly kind: TransportKind;
  /** Open sessions. */
  readonly sessions: ReadonlySet<TransportSession>;
  /** Closes every session ("server-close") and stops accepting. */
  close(): Promise<void>;
}

/** Called once per new session, before any of its events are delivered. */
export type SessionHandler = (session: TransportSession) => void | Promise<void>;

export const EMPTY_PLAYBACK: PlaybackReport = { playedMs: 0, sentMs: 0, droppedMs: 0, interrupted: false };

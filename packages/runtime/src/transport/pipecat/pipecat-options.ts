import { systemClock, type Clock } from "../clock";
import { silentLogger, type TransportLogger } from "../logger";

export interface PipecatTransportOptions {
  readonly clock?: Clock;
  readonly logger?: TransportLogger;
  /** Largest inbound message; a bigger one gets a fatal `error` and closes that session. Default 1 MiB (the client's own limit). */
  readonly maxMessageBytes?: number;
  /** A client whose unread backlog (ws bufferedAmount) passes this is dropped. Default 1 MiB (~10 s of 24 kHz audio). */
  readonly maxBufferedBytes?: number;
  /** Malformed messages tolerated with a non-fatal `error`; the next one closes the session. Default 3. */
  readonly maxMalformedMessages?: number;
  /** Bot audio chunk length, 20–40 ms. Default 20. */
  readonly audioChunkMs?: number;
  /** Bot audio kept ahead of the client's playhead; it still plays after a barge-in. Default 100. */
  readonly audioLeadMs?: number;
  /** `about` of bot-ready. */
  readonly about?: Readonly<Record<string, unknown>>;
}

export type ResolvedPipecatOptions = Required<PipecatTransportOptions>;

/** client-js 1.13 plays bot audio at 24 kHz whatever the frame says. */
export const BOT_SAMPLE_RATE = 24_000;

export function resolvePipecatOptions(options: PipecatTransportOptions = {}): ResolvedPipecatOptions {
  const chunkMs = options.audioChunkMs ?? 20;
  if (chunkMs < 10 || chunkMs > 60) throw new RangeError(`audioChunkMs ${chunkMs} is outside 10–60 ms; use 20–40`);
  return {
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger,
    maxMessageBytes: options.maxMessageBytes ?? 1024 * 1024,
    maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024,
    maxMalformedMessages: options.maxMalformedMessages ?? 3,
    audioChunkMs: chunkMs,
    audioLeadMs: options.audioLeadMs ?? 100,
    about: options.about ?? { library: "voxchart" },
  };
}

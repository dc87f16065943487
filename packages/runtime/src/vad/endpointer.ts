import { EndpointingSchema, type EndpointingOptions, type VadEvent } from "./vad-port";

/**
 * Turns per-window speech probabilities into speechStart/speechEnd events with start and stop
 * hysteresis. Shared by every VAD so they endpoint alike and differ only in how they score audio.
 */
export interface Endpointer {
  /** Feeds one analysed window of `durationMs` that starts at `startMs` of the stream. */
  update(probability: number, startMs: number, durationMs: number): VadEvent | undefined;
  readonly speaking: boolean;
  reset(): void;
}

export function createEndpointer(options: EndpointingOptions = {}): Endpointer {
  const o = EndpointingSchema.parse(options);
  let speaking = false;
  let runStartMs = -1; // start of the current run of speech (silent state) or silence (speaking)
  let runMs = 0;
  let speechStartMs = 0;

  return {
    get speaking() {
      return speaking;
    },
    reset() {
      speaking = false;
      runStartMs = -1;
      runMs = 0;
    },
    update(probability, startMs, durationMs) {
      const endMs = startMs + durationMs;
      if (!speaking) {
        if (probability >= o.startThreshold) {
          if (runStartMs < 0) runStartMs = startMs;
          runMs += durationMs;
          if (runMs >= o.minSpeechMs || o.minSpeechMs === 0) {
            speaking = true;
            speechStartMs = runStartMs;
            runStartMs = -1;
            runMs = 0;
            return { type: "speechStart", atMs: speechStartMs, detectedAtMs: endMs, probability };
          }
        } else if (probability < o.endThreshold) {
          runStartMs = -1;
          runMs = 0;
        }
        return undefined;
      }
      if (probability < o.endThreshold) {
        if (runStartMs < 0) runStartMs = startMs;
        runMs += durationMs;
        if (runMs >= o.endSilenceMs) {
          const atMs = runStartMs;
          speaking = false;
          runStartMs = -1;
          runMs = 0;
          return { type: "speechEnd", atMs, detectedAtMs: endMs, probability, speechMs: atMs - speechStartMs };
        }
      } else {
        runStartMs = -1;
        runMs = 0;
      }
      return undefined;
    },
  };
}

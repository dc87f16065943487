import { z } from "zod";

/**
 * Voice activity detection over 16 kHz s16 mono audio. Times are milliseconds of audio since
 * the detector started (or was reset): `atMs` is when the change happened in the audio,
 * `detectedAtMs` when the detector could tell (later, by its hysteresis).
 */
export type VadEvent =
  | { type: "speechStart"; atMs: number; detectedAtMs: number; probability: number }
  | { type: "speechEnd"; atMs: number; detectedAtMs: number; probability: number; speechMs: number };

export interface VadResult {
  /** Speech probability of the latest analysed audio, 0..1. */
  probability: number;
  /** Whether the detector is inside an utterance after this frame. */
  speaking: boolean;
  events: VadEvent[];
}

export interface VadPort {
  readonly name: string;
  /** Analyses the next audio (any length; 20 ms frames in the pipeline). */
  process(frame16k: Int16Array): Promise<VadResult>;
  /** Detectors that need no I/O may offer this too; stages then skip a promise per frame. */
  processSync?(frame16k: Int16Array): VadResult;
  /** Forgets the audio so far; times restart at 0. */
  reset(): void;
  close(): Promise<void>;
}

/** Endpointing: how speech starts and when it is over. */
export const EndpointingSchema = z.object({
  /** A frame at or above this probability counts as speech. */
  startThreshold: z.number().min(0).max(1).default(0.5),
  /** Inside speech, a frame below this counts as silence (hysteresis: below startThreshold). */
  endThreshold: z.number().min(0).max(1).default(0.35),
  /** Speech must last this long before speechStart is reported. */
  minSpeechMs: z.number().min(0).default(90),
  /** Silence that ends an utterance (the end-of-turn wait). */
  endSilenceMs: z.number().min(0).default(500),
});
export type EndpointingOptions = z.input<typeof EndpointingSchema>;
export type Endpointing = z.infer<typeof EndpointingSchema>;

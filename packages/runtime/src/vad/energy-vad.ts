import { z } from "zod";
import { dbfs } from "../audio/levels";
import { INPUT_SAMPLE_RATE, samplesToMs } from "../audio/duration";
import { createEndpointer } from "./endpointer";
import { EndpointingSchema, type VadEvent, type VadPort, type VadResult } from "./vad-port";

/**
 * A cheap VAD: frame RMS in dBFS against an adaptive noise floor, mapped to a probability by a
 * logistic curve. A few microseconds per frame, no model; weaker than Silero in noise.
 */
export const EnergyVadSchema = EndpointingSchema.extend({
  /** Level above the noise floor at which the probability is 0.5. */
  marginDb: z.number().default(12),
  /** dB over which the probability goes from about 0.12 to 0.88. */
  slopeDb: z.number().positive().default(3),
  /** Audio quieter than this is never speech, whatever the floor. */
  minSpeechDbfs: z.number().default(-55),
  /** The floor never goes below this (digital silence would otherwise make any hiss speech). */
  minFloorDbfs: z.number().default(-75),
  /** Fraction of the gap the floor moves per frame: quickly down, slowly up, barely in speech. */
  floorFallRate: z.number().min(0).max(1).default(0.3),
  floorRiseRate: z.number().min(0).max(1).default(0.02),
  // In speech the floor still creeps up (time constant ~4 s), so a noise that starts mid-utterance
  // (a fan) ends it eventually instead of holding the VAD in speech forever.
  floorRiseRateInSpeech: z.number().min(0).max(1).default(0.005),
});
export type EnergyVadOptions = z.input<typeof EnergyVadSchema>;

export function createEnergyVad(options: EnergyVadOptions = {}): VadPort & { processSync(frame16k: Int16Array): VadResult } {
  const o = EnergyVadSchema.parse(options);
  const endpointer = createEndpointer(o);
  let floor: number | undefined;
  let samples = 0;

  function processSync(frame: Int16Array): VadResult {
    const level = dbfs(frame);
    const startMs = samplesToMs(samples, INPUT_SAMPLE_RATE);
    const durationMs = samplesToMs(frame.length, INPUT_SAMPLE_RATE);
    samples += frame.length;
    floor ??= Math.max(level, o.minFloorDbfs);
    const probability =
      level < o.minSpeechDbfs ? 0 : 1 / (1 + Math.exp(-(level - floor - o.marginDb) / o.slopeDb));
    const rate = level < floor ? o.floorFallRate : endpointer.speaking ? o.floorRiseRateInSpeech : o.floorRiseRate;
    floor = Math.max(o.minFloorDbfs, floor + rate * (level - floor));
    const event = endpointer.update(probability, startMs, durationMs);
    const events: VadEvent[] = event ? [event] : [];
    return { probability, speaking: endpointer.speaking, events };
  }

  return {
    name: "energy",
    processSync,
    process: (frame) => Promise.resolve(processSync(frame)),
    reset() {
      endpointer.reset();
      floor = undefined;
      samples = 0;
    },
    close: () => Promise.resolve(),
  };
}

import { describe, expect, it } from "vitest";
import { concatInt16 } from "../audio/pcm";
import { INPUT_SAMPLE_RATE, samplesToMs } from "../audio/duration";
import { silence16k, speech16k } from "../audio/testing/speech-fixtures";
import { skipWithout } from "../audio/testing/programs";
import type { EndpointingOptions, VadEvent, VadPort } from "./vad-port";

/**
 * The behaviour every VadPort adapter must show, on espeak-ng speech with a little noise.
 * Call it from the adapter's test file: `runVadConformance("energy", (o) => createEnergyVad(o))`.
 */
export type VadFactory = (endpointing: EndpointingOptions) => VadPort | Promise<VadPort>;

const NOISE = 30; // about -60 dBFS of hiss

async function feed(vad: VadPort, audio: Int16Array, chunk = 320): Promise<VadEvent[]> {
  const events: VadEvent[] = [];
  for (let i = 0; i < audio.length; i += chunk) events.push(...(await vad.process(audio.subarray(i, i + chunk))).events);
  return events;
}

/** The fixture without espeak-ng's leading and trailing silence. */
function trimmed(samples: Int16Array): Int16Array {
  const { startMs, endMs } = soundBounds(samples);
  return samples.subarray(Math.round((startMs * INPUT_SAMPLE_RATE) / 1000), Math.round((endMs * INPUT_SAMPLE_RATE) / 1000) + 1);
}

/** Where the speech fixture's sound actually starts and ends, in ms. */
function soundBounds(samples: Int16Array): { startMs: number; endMs: number } {
  let first = samples.findIndex((s) => Math.abs(s) > 300);
  let last = samples.length - 1;
  while (last > 0 && Math.abs(samples[last] as number) <= 300) last--;
  if (first < 0) first = 0;
  return { startMs: samplesToMs(first, INPUT_SAMPLE_RATE), endMs: samplesToMs(last, INPUT_SAMPLE_RATE) };
}

export function runVadConformance(name: string, factory: VadFactory): void {
  describe.skipIf(skipWithout("espeak-ng"))(`VadPort conformance: ${name}`, () => {
    it("reports nothing in quiet noise", async () => {
      const vad = await factory({});
      const events = await feed(vad, silence16k(3000, NOISE));
      expect(events).toEqual([]);
      await vad.close();
    });

    it("reports one utterance with start and end times close to the sound's", async () => {
      const speech = (await speech16k("I would like to book a table for four people")).samples;
      const bounds = soundBounds(speech);
      const vad = await factory({ endSilenceMs: 500 });
      const events = await feed(vad, concatInt16([silence16k(1000, NOISE), speech, silence16k(1500, NOISE)]));
      expect(events.map((e) => e.type)).toEqual(["speechStart", "speechEnd"]);
      const [start, end] = events as [VadEvent, VadEvent];
      expect(Math.abs(start.atMs - (1000 + bounds.startMs))).toBeLessThan(150);
      expect(start.detectedAtMs).toBeGreaterThanOrEqual(start.atMs);
      expect(start.detectedAtMs - start.atMs).toBeLessThan(400);
      expect(Math.abs(end.atMs - (1000 + bounds.endMs))).toBeLessThan(300);
      if (end.type === "speechEnd") expect(end.speechMs).toBeCloseTo(end.atMs - start.atMs, 5);
      await vad.close();
    });

    it("waits the configured silence before ending the utterance", async () => {
      const speech = (await speech16k("friday please")).samples;
      for (const endSilenceMs of [300, 800]) {
        const vad = await factory({ endSilenceMs });
        const events = await feed(vad, concatInt16([silence16k(500, NOISE), speech, silence16k(1500, NOISE)]));
        const end = events.find((e) => e.type === "speechEnd");
        expect(end).toBeDefined();
        const waited = (end as VadEvent).detectedAtMs - (end as VadEvent).atMs;
        expect(waited).toBeGreaterThanOrEqual(endSilenceMs);
        expect(waited).toBeLessThan(endSilenceMs + 40);
        await vad.close();
      }
    });

    it("keeps a short pause inside one utterance and splits at a long one", async () => {
      const a = trimmed((await speech16k("yes")).samples);
      const b = trimmed((await speech16k("two people")).samples);
      const vad = await factory({ endSilenceMs: 500 });
      const short = await feed(vad, concatInt16([silence16k(500, NOISE), a, silence16k(200, NOISE), b, silence16k(1000, NOISE)]));
      expect(short.map((e) => e.type)).toEqual(["speechStart", "speechEnd"]);
      vad.reset();
      const long = await feed(vad, concatInt16([silence16k(500, NOISE), a, silence16k(1200, NOISE), b, silence16k(1000, NOISE)]));
      expect(long.map((e) => e.type)).toEqual(["speechStart", "speechEnd", "speechStart", "speechEnd"]);
      await vad.close();
    });

    it("gives the same events whatever the chunk size, and restarts times on reset", async () => {
      const audio = concatInt16([silence16k(700, NOISE), (await speech16k("no")).samples, silence16k(1000, NOISE)]);
      const vad = await factory({});
      const byFrame = await feed(vad, audio, 320);
      vad.reset();
      const byOdd = await feed(vad, audio, 777);
      expect(byOdd.map((e) => e.type)).toEqual(byFrame.map((e) => e.type));
      // Detectors that score whole frames may shift by a frame or two of the odd chunking.
      byOdd.forEach((e, i) => expect(Math.abs(e.atMs - (byFrame[i]?.atMs ?? 0))).toBeLessThan(60));
      expect(byFrame[0]?.atMs).toBeGreaterThan(600);
      await vad.close();
    });

    it("gives a probability that is high in speech and low in silence", async () => {
      const vad = await factory({});
      const quiet = await vad.process(silence16k(200, NOISE));
      const speech = (await speech16k("I would like to book a table")).samples;
      let maxInSpeech = 0;
      for (let i = 0; i < speech.length; i += 320) {
        maxInSpeech = Math.max(maxInSpeech, (await vad.process(speech.subarray(i, i + 320))).probability);
      }
      expect(quiet.probability).toBeLessThan(0.3);
      expect(maxInSpeech).toBeGreaterThan(0.7);
      await vad.close();
    });
  });
}

import { describe, expect, it } from "vitest";
import { paddedSpeech16k, silence16k } from "../audio/testing/speech-fixtures";
import { skipWithout } from "../audio/testing/programs";
import type { SttHints, SttPort, PartialTranscript } from "./stt-port";
import { normalizePhrase } from "./phrase-normalizer";

/**
 * The behaviour every SttPort adapter must show, on espeak-ng speech of a few phrases that a
 * booking node expects. `programs` are what the adapter needs installed (skipped locally when
 * missing, failing in CI). Accuracy and time are printed, so a run doubles as a measurement.
 */
export interface SttConformanceOptions {
  programs?: string[];
  /** Word error rate the adapter must stay under on in-grammar phrases with hints. */
  maxWordErrorRate?: number;
  /** Whether the adapter gives partial transcripts while a stream is open. */
  partials?: boolean;
}

export const BOOKING_HINTS: SttHints = {
  phrases: [
    "I would like to book a table for {number} people",
    "a table for {number}",
    "{number} people",
    "{number}",
    "friday please",
    "saturday please",
    "yes",
    "no",
    "start over",
    "talk to a person",
  ],
};

export const BOOKING_UTTERANCES = [
  "I would like to book a table for four people",
  "four people",
  "friday please",
  "no",
  "two",
  "yes",
  "a table for twelve",
  "talk to a person",
];

/** Word error rate by edit distance over normalised words. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const r = normalizePhrase(reference);
  const h = normalizePhrase(hypothesis);
  const d = Array.from({ length: r.length + 1 }, (_, i) => Array.from({ length: h.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= r.length; i++) {
    for (let j = 1; j <= h.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (r[i - 1] === h[j - 1] ? 0 : 1));
    }
  }
  return r.length === 0 ? (h.length === 0 ? 0 : 1) : ((d[r.length] as number[])[h.length] as number) / r.length;
}

export function runSttConformance(name: string, factory: () => SttPort, options: SttConformanceOptions = {}): void {
  const programs = ["espeak-ng", ...(options.programs ?? [])];
  const maxWer = options.maxWordErrorRate ?? 0.1;

  describe.skipIf(skipWithout(...programs))(`SttPort conformance: ${name}`, () => {
    it("transcribes the phrases a node expects", async () => {
      const stt = factory();
      let errors = 0;
      let words = 0;
      const rows: string[] = [];
      for (const text of BOOKING_UTTERANCES) {
        const pcm = await paddedSpeech16k(text);
        const t = await stt.transcribe(pcm.samples, { hints: BOOKING_HINTS });
        const wer = wordErrorRate(text, t.text);
        errors += wer * normalizePhrase(text).length;
        words += normalizePhrase(text).length;
        rows.push(`  ${JSON.stringify(text)} -> ${JSON.stringify(t.text)} (${t.mode}, ${t.processingMs.toFixed(0)} ms for ${(pcm.samples.length / 16).toFixed(0)} ms audio)`);
      }
      console.info(`${name} with hints: WER ${((errors / words) * 100).toFixed(1)}%\n${rows.join("\n")}`);
      expect(errors / words).toBeLessThanOrEqual(maxWer);
    }, 120_000);

    it("gives the same final transcript streaming as one-shot", async () => {
      const stt = factory();
      const pcm = await paddedSpeech16k("friday please");
      const stream = stt.stream({ hints: BOOKING_HINTS });
      for (let i = 0; i < pcm.samples.length; i += 320) stream.push(pcm.samples.subarray(i, i + 320));
      const streamed = await stream.finish();
      const once = await stt.transcribe(pcm.samples, { hints: BOOKING_HINTS });
      console.info(`${name}: final after finish() ${streamed.processingMs.toFixed(0)} ms streaming vs ${once.processingMs.toFixed(0)} ms one-shot`);
      expect(streamed.text).toBe(once.text);
      expect(streamed.processingMs).toBeGreaterThanOrEqual(0);
    }, 60_000);

    it.skipIf(options.partials === false)("gives partial transcripts while audio streams in", async () => {
      const stt = factory();
      const pcm = await paddedSpeech16k("I would like to book a table for four people", 300, 300);
      const partials: PartialTranscript[] = [];
      const stream = stt.stream({ hints: BOOKING_HINTS, onPartial: (p) => partials.push(p) });
      for (let i = 0; i < pcm.samples.length; i += 320) {
        stream.push(pcm.samples.subarray(i, i + 320));
        await new Promise((r) => setTimeout(r, 20)); // real time
      }
      // A loaded machine may still be working on a partial; give it time before finishing.
      for (let waited = 0; partials.length === 0 && waited < 15_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      const final = await stream.finish();
      console.info(`${name}: ${partials.length} partial(s) in real time, final ${final.processingMs.toFixed(0)} ms after finish()`);
      expect(partials.length).toBeGreaterThan(0);
      expect(partials.every((p) => p.stable === false && p.text.length > 0)).toBe(true);
      expect(final.text).toBe("i would like to book a table for four people");
    }, 60_000);

    it("returns empty or short text for silence and does not throw", async () => {
      const t = await factory().transcribe(silence16k(1000, 30));
      expect(t.text.split(" ").filter(Boolean).length).toBeLessThanOrEqual(2);
    }, 60_000);

    it("rejects with code 'aborted' when cancelled or its signal aborts", async () => {
      const stt = factory();
      const pcm = await paddedSpeech16k("four people");
      const stream = stt.stream({ hints: BOOKING_HINTS });
      stream.push(pcm.samples);
      const finished = stream.finish();
      stream.cancel();
      await expect(finished).rejects.toMatchObject({ code: "aborted" });

      const controller = new AbortController();
      const once = stt.transcribe(pcm.samples, { signal: controller.signal });
      setTimeout(() => controller.abort(), 10);
      await expect(once).rejects.toMatchObject({ code: "aborted" });
    }, 60_000);
  });
}

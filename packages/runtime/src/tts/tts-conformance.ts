import { describe, expect, it } from "vitest";
import { peak } from "../audio/levels";
import { concatInt16 } from "../audio/pcm";
import { skipWithout } from "../audio/testing/programs";
import type { TtsPort } from "./tts-port";

/**
 * The behaviour every TtsPort adapter must show. `programs` are what the adapter needs
 * installed (skipped locally when missing, failing in CI). Time to first audio is printed.
 */
export function runTtsConformance(name: string, factory: () => TtsPort, options: { programs?: string[] } = {}): void {
  describe.skipIf(skipWithout(...(options.programs ?? [])))(`TtsPort conformance: ${name}`, () => {
    it("speaks a phrase as audible 24 kHz audio of a plausible length", async () => {
      const tts = factory();
      expect(tts.sampleRate).toBe(24000);
      const started = performance.now();
      let firstMs: number | undefined;
      const chunks: Int16Array[] = [];
      for await (const chunk of tts.synthesize("Hello, how can I help you today?")) {
        firstMs ??= performance.now() - started;
        expect(chunk).toBeInstanceOf(Int16Array);
        chunks.push(chunk);
      }
      const audio = concatInt16(chunks);
      const seconds = audio.length / 24000;
      console.info(`${name}: first audio after ${firstMs?.toFixed(0)} ms, ${seconds.toFixed(2)} s of audio in ${(performance.now() - started).toFixed(0)} ms`);
      expect(seconds).toBeGreaterThan(0.8);
      expect(seconds).toBeLessThan(5);
      expect(peak(audio)).toBeGreaterThan(0.05);
    }, 30_000);

    it("streams long text: the first audio comes before the whole text is spoken", async () => {
      const tts = factory();
      const text = Array.from({ length: 6 }, (_, i) => `This is sentence number ${i + 1} of a rather long answer.`).join(" ");
      const arrivals: number[] = [];
      const started = performance.now();
      let samples = 0;
      for await (const chunk of tts.synthesize(text)) {
        arrivals.push(performance.now() - started);
        samples += chunk.length;
      }
      expect(arrivals.length).toBeGreaterThan(1);
      expect(samples / 24000).toBeGreaterThan(10);
      expect(arrivals[0] as number).toBeLessThan(arrivals[arrivals.length - 1] as number);
    }, 30_000);

    it("stops promptly and yields nothing more once its signal aborts", async () => {
      const tts = factory();
      const controller = new AbortController();
      const text = Array.from({ length: 20 }, () => "Please hold on while I look that up for you.").join(" ");
      let afterAbort = 0;
      let abortedAt = 0;
      for await (const chunk of tts.synthesize(text, controller.signal)) {
        void chunk;
        if (controller.signal.aborted) afterAbort++;
        else {
          controller.abort();
          abortedAt = performance.now();
        }
      }
      expect(afterAbort).toBe(0);
      expect(performance.now() - abortedAt).toBeLessThan(500);
    }, 30_000);

    it("lets the consumer stop early by leaving the loop", async () => {
      const tts = factory();
      let count = 0;
      for await (const chunk of tts.synthesize("One two three four five six seven eight nine ten.")) {
        void chunk;
        count++;
        break;
      }
      expect(count).toBe(1);
    }, 30_000);

    it("yields nothing for empty text and speaks text that looks like an option", async () => {
      const tts = factory();
      const empty: Int16Array[] = [];
      for await (const c of tts.synthesize("   ")) empty.push(c);
      expect(empty).toEqual([]);
      let samples = 0;
      for await (const c of tts.synthesize("--help me")) samples += c.length;
      expect(samples).toBeGreaterThan(24000 * 0.3);
    }, 30_000);
  });
}

import type { TtsPort } from "../../tts/tts-port";
import { wait } from "./wait";

export interface ToneTtsOptions {
  /** Time from the request to the first audio. Default 150. */
  firstByteMs?: number;
  /** Length of the speech per character of text. Default 60 ms (about 150 words a minute). */
  msPerChar?: number;
  /** Size of the chunks it streams. Default 100 ms. */
  chunkMs?: number;
  /** Peak amplitude, 0..1. Default 0.3. */
  amplitude?: number;
}

export interface ToneTtsCall {
  text: string;
  startedAt: number;
  firstAudioAt?: number;
  aborted: boolean;
}

/**
 * A synthesiser with a fixed first-byte latency that "speaks" a tone as long as the text would
 * take to say, with a syllable-rate loudness envelope like speech (so echo and VAD behave as with
 * a voice). For tier tests and the benchmark.
 */
export function createToneTts(options: ToneTtsOptions = {}): TtsPort & { readonly calls: ToneTtsCall[] } {
  const firstByteMs = options.firstByteMs ?? 150;
  const msPerChar = options.msPerChar ?? 60;
  const chunkSamples = Math.round(((options.chunkMs ?? 100) * 24000) / 1000);
  const amplitude = (options.amplitude ?? 0.3) * 32767;
  const calls: ToneTtsCall[] = [];

  return {
    name: "tone",
    sampleRate: 24000,
    calls,
    async *synthesize(text: string, signal?: AbortSignal): AsyncIterable<Int16Array> {
      const call: ToneTtsCall = { text, startedAt: performance.now(), aborted: false };
      calls.push(call);
      try {
        await wait(firstByteMs, signal);
      } catch {
        call.aborted = true;
        return;
      }
      const total = Math.round((text.length * msPerChar * 24000) / 1000);
      for (let offset = 0; offset < total; offset += chunkSamples) {
        if (signal?.aborted) {
          call.aborted = true;
          return;
        }
        const n = Math.min(chunkSamples, total - offset);
        const chunk = new Int16Array(n);
        for (let i = 0; i < n; i++) {
          const t = (offset + i) / 24000;
          // 4 syllables a second, never fully silent inside the utterance; a 180 Hz voice with one overtone.
          const envelope = 0.25 + 0.75 * Math.abs(Math.sin(Math.PI * 4 * t));
          chunk[i] = Math.round(amplitude * envelope * (0.7 * Math.sin(2 * Math.PI * 180 * t) + 0.3 * Math.sin(2 * Math.PI * 360 * t)));
        }
        call.firstAudioAt ??= performance.now();
        yield chunk;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
  };
}

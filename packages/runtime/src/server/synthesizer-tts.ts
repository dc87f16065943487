import type { SpeechSynthesizer } from "@voxchart/providers";
import { RuntimeError } from "../pipeline/errors";
import type { TtsPort } from "../tts";

/**
 * A speech synthesizer that streams s16le mono 24 kHz bytes (e.g. the OpenAI-compatible one from
 * @voxchart/providers) as the runtime's TtsPort. Aborting ends the audio quietly.
 */
export function createSynthesizerTts(speech: SpeechSynthesizer): TtsPort {
  if (speech.sampleRate !== 24_000) throw new RuntimeError("tts.unavailable", `${speech.name} speaks at ${speech.sampleRate} Hz; the runtime needs 24000 Hz`);
  return {
    name: speech.name,
    sampleRate: 24_000,
    async *synthesize(text, signal) {
      let odd: number | undefined; // a byte left over from a chunk with an odd length
      try {
        for await (const bytes of speech.synthesize(text, signal ? { signal } : {})) {
          if (signal?.aborted) return;
          const joined = odd === undefined ? bytes : Buffer.concat([Uint8Array.of(odd), bytes]);
          const whole = joined.length - (joined.length % 2);
          odd = whole < joined.length ? joined[whole] : undefined;
          if (whole === 0) continue;
          const samples = new Int16Array(whole / 2);
          for (let i = 0; i < samples.length; i++) samples[i] = (joined[2 * i]! | (joined[2 * i + 1]! << 8)) << 16 >> 16;
          yield samples;
        }
      } catch (error) {
        if (signal?.aborted) return;
        const retryable = typeof error === "object" && error !== null && (error as { retryable?: unknown }).retryable === true;
        throw new RuntimeError("tts.failed", `speech synthesis failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error, retryable });
      }
    },
  };
}

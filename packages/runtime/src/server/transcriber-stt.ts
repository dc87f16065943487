import type { Transcriber } from "@voxchart/providers";
import { RuntimeError } from "../pipeline/errors";
import type { SttHints, SttPort, SttStream, Transcript } from "../stt";
import { pcm16ToBytes } from "../transport/audio/pcm";

/** Phrases the node expects, as a prompt that biases an open recogniser ("{number}" is dropped). */
function promptOf(hints: SttHints | undefined): string | undefined {
  const phrases = (hints?.phrases ?? []).filter((p) => !p.includes("{")).slice(0, 40);
  return phrases.length > 0 ? phrases.join(", ") : undefined;
}

function toRuntimeError(error: unknown, signal: AbortSignal | undefined): RuntimeError {
  if (signal?.aborted) return new RuntimeError("aborted", "transcription cancelled", { cause: error });
  const retryable = typeof error === "object" && error !== null && (error as { retryable?: unknown }).retryable === true;
  return new RuntimeError("stt.failed", `transcription failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error, retryable });
}

/**
 * An utterance transcriber (e.g. the OpenAI-compatible one from @voxchart/providers) as the
 * runtime's SttPort. It has no partials: a stream collects the audio and transcribes it at finish().
 */
export function createTranscriberStt(transcriber: Transcriber): SttPort {
  async function transcribe(pcm16k: Int16Array, options: { hints?: SttHints; signal?: AbortSignal } = {}): Promise<Transcript> {
    const t0 = performance.now();
    const prompt = promptOf(options.hints);
    try {
      const result = await transcriber.transcribe(pcm16ToBytes(pcm16k), {
        format: "pcm",
        sampleRate: 16_000,
        ...(prompt !== undefined ? { prompt } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return { text: result.text.trim(), mode: "open", processingMs: performance.now() - t0 };
    } catch (error) {
      throw toRuntimeError(error, options.signal);
    }
  }

  return {
    name: transcriber.name,
    transcribe,
    stream(options = {}): SttStream {
      const chunks: Int16Array[] = [];
      const controller = new AbortController();
      const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
      return {
        push(pcm) {
          if (!controller.signal.aborted) chunks.push(pcm.slice());
        },
        async finish() {
          if (signal.aborted) throw new RuntimeError("aborted", "transcription cancelled");
          const all = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
          let offset = 0;
          for (const chunk of chunks) {
            all.set(chunk, offset);
            offset += chunk.length;
          }
          return transcribe(all, { ...(options.hints ? { hints: options.hints } : {}), signal });
        },
        cancel() {
          controller.abort();
        },
      };
    },
  };
}

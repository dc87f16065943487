import { abortedError } from "../../pipeline/errors";
import type { PartialTranscript, SttPort, SttRequestOptions, SttStream, SttStreamOptions, Transcript } from "../../stt/stt-port";

export interface ScriptedSttOptions {
  /** What the caller says, utterance by utterance; the last one repeats once they run out. */
  transcripts: readonly string[];
  /** Time from the end of the audio (finish() or transcribe()) to the final transcript. */
  finalMs?: number;
  /** A partial (the words so far) every this many ms of streamed audio. Default 200. */
  partialEveryMs?: number;
}

export interface ScriptedSttCalls {
  /** Each final transcript: when it was asked for (end of audio) and when it was given (performance.now()). */
  finalTimes: { requestedAt: number; resolvedAt: number }[];
  transcribe: number;
  streams: number;
  partials: number;
  finals: number;
}

/**
 * A recogniser with a fixed latency that "hears" a script instead of the audio: for tier tests
 * and the benchmark, where what matters is when transcripts arrive, not what the audio said.
 * Streams give word-by-word partials as audio arrives, then the utterance after `finalMs`.
 */
export function createScriptedStt(options: ScriptedSttOptions): SttPort & { readonly calls: ScriptedSttCalls } {
  const finalMs = options.finalMs ?? 150;
  const partialEveryMs = options.partialEveryMs ?? 200;
  const calls: ScriptedSttCalls = { finalTimes: [], transcribe: 0, streams: 0, partials: 0, finals: 0 };
  let next = 0;
  const current = () => options.transcripts[Math.min(next, options.transcripts.length - 1)] ?? "";
  const take = () => {
    const text = current();
    next++;
    return text;
  };

  const after = (ms: number, signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortedError("scripted recognition"));
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortedError("scripted recognition"));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    });

  return {
    name: "scripted",
    calls,
    async transcribe(_pcm: Int16Array, request: SttRequestOptions = {}): Promise<Transcript> {
      calls.transcribe++;
      const requestedAt = performance.now();
      await after(finalMs, request.signal);
      calls.finals++;
      calls.finalTimes.push({ requestedAt, resolvedAt: performance.now() });
      return { text: take(), mode: "scripted", processingMs: finalMs };
    },
    stream(request: SttStreamOptions = {}): SttStream {
      calls.streams++;
      let audioMs = 0;
      let shown = 0;
      let cancelled = false;
      const controller = new AbortController();
      return {
        push(pcm) {
          if (cancelled) return;
          audioMs += (pcm.length * 1000) / 16000;
          const words = current().split(/\s+/).filter(Boolean);
          const due = Math.min(words.length - 1, Math.floor(audioMs / partialEveryMs));
          if (due > shown) {
            shown = due;
            calls.partials++;
            const partial: PartialTranscript = { text: words.slice(0, shown).join(" "), stable: false };
            request.onPartial?.(partial);
          }
        },
        async finish() {
          if (cancelled) throw abortedError("scripted recognition");
          const requestedAt = performance.now();
          await after(finalMs, controller.signal);
          calls.finals++;
          calls.finalTimes.push({ requestedAt, resolvedAt: performance.now() });
          return { text: take(), mode: "scripted", processingMs: finalMs };
        },
        cancel() {
          cancelled = true;
          controller.abort();
        },
      };
    },
  };
}

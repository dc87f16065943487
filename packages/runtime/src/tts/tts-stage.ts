import { createFramer } from "../audio/framer";
import { OUTPUT_SAMPLE_RATE } from "../audio/duration";
import { toRuntimeError } from "../pipeline/errors";
import { createProcessor, type Processor } from "../pipeline/processor";
import type { Frame } from "../pipeline/frames";
import type { TtsPort } from "./tts-port";

export interface TtsStageOptions {
  tts: TtsPort;
  /** Size of the audio.out frames. Default 20 ms. */
  frameMs?: number;
  now?: () => number;
  name?: string;
}

/**
 * Speaks `tts.text` frames: passes the text frame on, then its audio as `audio.out` frames of
 * 20 ms, and a `tts.firstAudioMs` metric. Phrases are spoken one after another (the queue keeps
 * their order); an interruption kills the synthesis in flight and drops the queued phrases.
 */
export function createTtsStage(options: TtsStageOptions): Processor {
  const { tts } = options;
  const now = options.now ?? Date.now;

  return createProcessor({
    name: options.name ?? `tts:${tts.name}`,
    async process(frame: Frame, direction, ctx) {
      if (frame.type !== "tts.text" || direction !== "downstream") return ctx.push(frame, direction);
      const framer = createFramer(OUTPUT_SAMPLE_RATE, options.frameMs);
      const turnId = frame.turnId;
      const started = now();
      let first = true;
      ctx.push(frame);
      const emit = (pcm: Int16Array) => {
        if (first) {
          first = false;
          ctx.push({ type: "metrics", name: "tts.firstAudioMs", value: now() - started, at: now(), ...(turnId ? { turnId } : {}) });
        }
        ctx.push(turnId === undefined ? { type: "audio.out", pcm, sampleRate: OUTPUT_SAMPLE_RATE } : { type: "audio.out", pcm, sampleRate: OUTPUT_SAMPLE_RATE, turnId });
      };
      try {
        for await (const chunk of tts.synthesize(frame.text, ctx.signal)) {
          for (const pcm of framer.push(chunk)) emit(pcm);
        }
        const last = framer.flush();
        if (last && !ctx.signal.aborted) emit(last);
      } catch (error) {
        if (ctx.signal.aborted) return;
        ctx.push({ type: "error", error: toRuntimeError(error, "tts.failed", "speech synthesis"), stage: "tts", fatal: false }, "upstream");
      }
    },
  });
}

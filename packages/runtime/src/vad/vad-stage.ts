import type { Frame } from "../pipeline/frames";
import { createProcessor, type Processor } from "../pipeline/processor";
import type { VadPort, VadResult } from "./vad-port";

export interface VadStageOptions {
  vad: VadPort;
  /** Ask the pipeline to interrupt (barge-in) when the user starts speaking. Default false. */
  interruptOnSpeech?: boolean;
  name?: string;
}

/**
 * Runs a VAD over `audio.in` frames and emits `user.started` / `user.stopped` system frames
 * (with wall-clock times derived from the frames' `at`), passing the audio on after them.
 */
export function createVadStage(options: VadStageOptions): Processor {
  const { vad } = options;
  let streamStartAt: number | undefined;
  let receivedMs = 0;

  return createProcessor({
    name: options.name ?? `vad:${vad.name}`,
    process(frame: Frame, direction, ctx) {
      if (frame.type !== "audio.in" || direction !== "downstream") return ctx.push(frame, direction);
      // Times come from the audio itself so they stay right even when frames arrive in bursts.
      streamStartAt ??= frame.at - receivedMs;
      receivedMs += (frame.pcm.length * 1000) / frame.sampleRate;
      const emit = (result: VadResult) => {
        const start = streamStartAt ?? frame.at;
        for (const event of result.events) {
          const at = start + event.atMs;
          if (event.type === "speechStart") {
            if (options.interruptOnSpeech) ctx.push({ type: "interrupt", reason: "user started speaking" }, "upstream");
            ctx.push({ type: "user.started", at, probability: event.probability });
          } else {
            ctx.push({ type: "user.stopped", at, speechMs: event.speechMs });
          }
        }
        ctx.push(frame);
      };
      // The synchronous path keeps cheap detectors free of a promise per 20 ms frame.
      if (vad.processSync) return emit(vad.processSync(frame.pcm));
      return vad.process(frame.pcm).then(emit);
    },
    onCancel() {
      void vad.close();
    },
  });
}

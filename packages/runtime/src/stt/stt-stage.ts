import { toRuntimeError } from "../pipeline/errors";
import { createProcessor, type Processor, type ProcessorContext } from "../pipeline/processor";
import type { Frame } from "../pipeline/frames";
import type { SttHints, SttPort, SttStream } from "./stt-port";

export interface SttStageOptions {
  stt: SttPort;
  /** Phrases to listen for until an `stt.hints` frame says otherwise. */
  hints?: SttHints;
  /** Audio kept from before `user.started` (the VAD reports speech after it began). */
  preRollMs?: number;
  now?: () => number;
  name?: string;
}

/**
 * Streams each utterance (from `user.started` to `user.stopped`) into the STT port and emits
 * `transcript.partial` and `transcript.final` frames plus an `stt.finalMs` metric. Audio frames
 * are handled synchronously, so the speech boundaries (system frames, which overtake queues)
 * always fall between the right frames.
 */
export function createSttStage(options: SttStageOptions): Processor {
  const { stt } = options;
  const now = options.now ?? Date.now;
  const preRollMs = options.preRollMs ?? 300;
  let hints = options.hints;
  let stream: SttStream | undefined;
  const recent: Int16Array[] = [];
  let recentMs = 0;

  function remember(pcm: Int16Array, ms: number): void {
    recent.push(pcm);
    recentMs += ms;
    while (recent.length > 1 && recentMs - ((recent[0] as Int16Array).length * 1000) / 16000 >= preRollMs) {
      recentMs -= ((recent.shift() as Int16Array).length * 1000) / 16000;
    }
  }

  function start(ctx: ProcessorContext): void {
    stream?.cancel();
    const s = stt.stream({
      ...(hints ? { hints } : {}),
      onPartial: (p) => {
        if (stream === s) ctx.push({ type: "transcript.partial", text: p.text, stable: p.stable, at: now() });
      },
    });
    stream = s;
    for (const pcm of recent) s.push(pcm);
  }

  function finish(ctx: ProcessorContext): Promise<void> {
    const s = stream;
    stream = undefined;
    if (!s) return Promise.resolve();
    return s.finish().then(
      (t) => {
        const at = now();
        ctx.push({ type: "transcript.final", text: t.text, at });
        ctx.push({ type: "metrics", name: "stt.finalMs", value: t.processingMs, at });
      },
      (error: unknown) => {
        const e = toRuntimeError(error, "stt.failed", "speech recognition");
        if (e.code !== "aborted") ctx.push({ type: "error", error: e, stage: "stt", fatal: false }, "upstream");
      },
    );
  }

  return createProcessor({
    name: options.name ?? `stt:${stt.name}`,
    process(frame: Frame, direction, ctx) {
      switch (frame.type) {
        case "audio.in":
          if (direction === "downstream") {
            if (stream) stream.push(frame.pcm);
            else remember(frame.pcm, (frame.pcm.length * 1000) / frame.sampleRate);
          }
          break;
        case "user.started":
          start(ctx);
          break;
        case "user.stopped":
          void finish(ctx);
          break;
        case "stt.hints":
          hints = { phrases: frame.phrases };
          return; // consumed here
        case "end":
          // The last transcript goes out before `end`, which must stay last.
          return finish(ctx).then(() => ctx.push(frame, direction));
      }
      ctx.push(frame, direction);
    },
    onCancel() {
      stream?.cancel();
      stream = undefined;
    },
  });
}

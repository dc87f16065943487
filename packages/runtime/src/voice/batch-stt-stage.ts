import type { Frame } from "../pipeline/frames";
import { createProcessor, type Processor } from "../pipeline/processor";
import { toRuntimeError } from "../pipeline/errors";
import { concatInt16 } from "../audio";
import type { SttHints, SttPort } from "../stt/stt-port";

/**
 * Tier 1's recogniser: keeps the whole utterance (from a little before `user.started` to
 * `user.stopped`) and transcribes it in one request once it is over — no partials.
 */
export function createBatchSttStage(options: { stt: SttPort; preRollMs?: number; now?: () => number }): Processor {
  const now = options.now ?? Date.now;
  const preRollSamples = ((options.preRollMs ?? 300) * 16000) / 1000;
  let hints: SttHints | undefined;
  let recent: Int16Array[] = [];
  let utterance: Int16Array[] | null = null;

  return createProcessor({
    name: `batch-stt:${options.stt.name}`,
    process(frame: Frame, direction, ctx) {
      if (frame.type === "stt.hints") {
        hints = { phrases: frame.phrases };
        return;
      }
      if (direction !== "downstream") return ctx.push(frame, direction);
      switch (frame.type) {
        case "audio.in": {
          if (utterance) utterance.push(frame.pcm);
          else {
            recent.push(frame.pcm);
            let total = recent.reduce((n, p) => n + p.length, 0);
            while (recent.length > 1 && total - (recent[0]?.length ?? 0) >= preRollSamples) total -= recent.shift()?.length ?? 0;
          }
          ctx.push(frame);
          return;
        }
        case "user.started":
          utterance = [...recent];
          recent = [];
          ctx.push(frame);
          return;
        case "user.stopped": {
          ctx.push(frame);
          const audio = utterance ? concatInt16(utterance) : new Int16Array(0);
          utterance = null;
          const started = now();
          options.stt.transcribe(audio, hints ? { hints } : {}).then(
            (t) => {
              ctx.push({ type: "transcript.final", text: t.text, at: now() });
              ctx.push({ type: "metrics", name: "stt.finalMs", value: now() - started, at: now() });
            },
            (error: unknown) => ctx.push({ type: "error", error: toRuntimeError(error, "stt.failed", "speech recognition"), stage: "stt", fatal: false }, "upstream"),
          );
          return;
        }
        default:
          ctx.push(frame, direction);
      }
    },
  });
}

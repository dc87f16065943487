import { createProcessor, type Processor } from "../pipeline/processor";
import type { Frame } from "../pipeline/frames";
import { createPhraseAggregator, type PhraseAggregatorOptions } from "./phrase-aggregator";

/**
 * Turns `text.chunk` frames (LLM tokens) into `tts.text` phrases. `turn.end` and `end` flush the
 * rest before being passed on; an interruption forgets the unspoken text.
 */
export function createPhraseAggregatorStage(options: PhraseAggregatorOptions & { name?: string } = {}): Processor {
  const aggregator = createPhraseAggregator(options);
  let turnId: string | undefined;

  return createProcessor({
    name: options.name ?? "phrase-aggregator",
    process(frame: Frame, direction, ctx) {
      if (direction !== "downstream") return ctx.push(frame, direction);
      const speak = (text: string) =>
        ctx.push(turnId === undefined ? { type: "tts.text", text } : { type: "tts.text", text, turnId });
      switch (frame.type) {
        case "text.chunk":
          turnId = frame.turnId ?? turnId;
          for (const phrase of aggregator.push(frame.text)) speak(phrase);
          return;
        case "turn.start":
          turnId = frame.turnId;
          break;
        case "turn.end":
        case "end": {
          const rest = aggregator.flush();
          if (rest) speak(rest);
          break;
        }
      }
      ctx.push(frame, direction);
    },
    onInterrupt() {
      aggregator.reset();
    },
  });
}

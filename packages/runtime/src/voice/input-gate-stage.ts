import type { Frame } from "../pipeline/frames";
import { createProcessor, type Processor } from "../pipeline/processor";
import type { EchoSuppressor } from "./echo-suppressor";

/**
 * First stage after the transport: in full duplex, microphone frames that carry only the bot's
 * own voice are replaced by silence before the VAD hears them, so echo never triggers a barge-in.
 */
export function createInputGateStage(options: { echo: EchoSuppressor | null; onEchoFrame?: () => void }): Processor {
  return createProcessor({
    name: "input-gate",
    process(frame: Frame, direction, ctx) {
      if (direction === "downstream" && frame.type === "audio.in" && options.echo?.isEcho(frame.pcm, frame.at)) {
        options.onEchoFrame?.();
        ctx.push({ ...frame, pcm: new Int16Array(frame.pcm.length) });
        return;
      }
      ctx.push(frame, direction);
    },
  });
}

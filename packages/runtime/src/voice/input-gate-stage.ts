import type { Frame } from "../pipeline/frames";
import { createProcessor, type Processor } from "../pipeline/processor";
import type { EchoSuppressor } from "./echo-suppressor";

/**
 * First stage after the transport: in full duplex, the bot's own voice coming back through the
 * caller's microphone is taken out of the audio before the VAD hears it (echo alone becomes
 * near silence), so echo never triggers a barge-in while a caller talking over the bot still does.
 */
export function createInputGateStage(options: { echo: EchoSuppressor | null; onEchoFrame?: () => void }): Processor {
  const { echo } = options;
  return createProcessor({
    name: "input-gate",
    process(frame: Frame, direction, ctx) {
      if (echo && direction === "downstream" && frame.type === "audio.in") {
        const out = echo.process(frame.pcm, frame.at);
        if (out.echo) options.onEchoFrame?.();
        ctx.push(out.pcm === frame.pcm ? frame : { ...frame, pcm: out.pcm });
        return;
      }
      ctx.push(frame, direction);
    },
  });
}

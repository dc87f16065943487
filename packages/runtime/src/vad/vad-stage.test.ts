import { describe, expect, it } from "vitest";
import { createVadStage } from "./vad-stage";
import { createEnergyVad } from "./energy-vad";
import { createPipeline } from "../pipeline/pipeline";
import { createProcessor } from "../pipeline/processor";
import { createFrameRecorder } from "../pipeline/frame-recorder";
import { concatInt16 } from "../audio/pcm";
import { silence16k, speech16k } from "../audio/testing/speech-fixtures";
import { skipWithout } from "../audio/testing/programs";

async function utteranceAudio(): Promise<Int16Array> {
  return concatInt16([silence16k(1000, 30), (await speech16k("friday please")).samples, silence16k(1200, 30)]);
}

function pushFrames(push: (f: { type: "audio.in"; pcm: Int16Array; sampleRate: 16000; at: number }) => void, audio: Int16Array, t0: number) {
  for (let i = 0, n = 0; i + 320 <= audio.length; i += 320, n++) {
    push({ type: "audio.in", pcm: audio.subarray(i, i + 320), sampleRate: 16000, at: t0 + n * 20 });
  }
}

describe.skipIf(skipWithout("espeak-ng"))("VAD stage", () => {
  it("marks the utterance with user.started/user.stopped at audio times and passes every frame on", async () => {
    const out = createFrameRecorder();
    const pipeline = createPipeline([createVadStage({ vad: createEnergyVad({ endSilenceMs: 500 }) })], { onDownstream: out.sink });
    const audio = await utteranceAudio();
    pushFrames((f) => pipeline.push(f), audio, 1_000_000);
    await pipeline.idle();
    expect(out.ofType("audio.in")).toHaveLength(Math.floor(audio.length / 320));
    const [started] = out.ofType("user.started");
    const [stopped] = out.ofType("user.stopped");
    expect(started?.at).toBeGreaterThan(1_000_900);
    expect(started?.at).toBeLessThan(1_001_200);
    expect(stopped?.at).toBeGreaterThan(started?.at ?? Infinity);
    // user.started comes right before the frame in which it was detected
    const types = out.types();
    expect(types[types.indexOf("user.started") + 1]).toBe("audio.in");
  });

  it("asks for an interruption that reaches the stages after it when interruptOnSpeech is set", async () => {
    const interrupted: string[] = [];
    const out = createFrameRecorder();
    const tts = createProcessor({ name: "tts", onInterrupt: () => interrupted.push("tts") });
    const pipeline = createPipeline([createVadStage({ vad: createEnergyVad(), interruptOnSpeech: true }), tts], { onDownstream: out.sink });
    pushFrames((f) => pipeline.push(f), await utteranceAudio(), 0);
    await pipeline.idle();
    expect(interrupted).toEqual(["tts"]);
    expect(out.types().indexOf("interrupt")).toBeLessThan(out.types().indexOf("user.started"));
  });
});

import { describe, expect, it } from "vitest";
import { createTtsStage } from "./tts-stage";
import { createPhraseAggregatorStage } from "./phrase-aggregator-stage";
import type { TtsPort } from "./tts-port";
import { createPipeline } from "../pipeline/pipeline";
import { createFrameRecorder } from "../pipeline/frame-recorder";

/** 100 ms of audio per word, in 50 ms chunks every 10 ms; records aborted syntheses. */
function fakeTts(aborted: string[]): TtsPort {
  return {
    name: "fake",
    sampleRate: 24000,
    async *synthesize(text, signal) {
      const chunks = text.split(" ").length * 2;
      for (let i = 0; i < chunks; i++) {
        await new Promise((r) => setTimeout(r, 10));
        if (signal?.aborted) {
          aborted.push(text);
          return;
        }
        yield new Int16Array(1200).fill(i + 1);
      }
    },
  };
}

describe("TTS stage", () => {
  it("passes the phrase on, then its audio in 20 ms frames, phrase after phrase", async () => {
    const out = createFrameRecorder();
    const pipeline = createPipeline([createTtsStage({ tts: fakeTts([]) })], { onDownstream: out.sink });
    pipeline.push({ type: "tts.text", text: "one two", turnId: "t1" });
    pipeline.push({ type: "tts.text", text: "three", turnId: "t1" });
    pipeline.push({ type: "turn.end", turnId: "t1" });
    await out.waitFor("turn.end");
    const types = out.types().filter((t) => t !== "metrics");
    expect(types[0]).toBe("tts.text");
    expect(types.filter((t) => t === "audio.out")).toHaveLength(15); // three words of 100 ms, 20 ms frames
    expect(types.indexOf("tts.text", 1)).toBe(11);
    expect(types[types.length - 1]).toBe("turn.end");
    const audio = out.ofType("audio.out");
    expect(audio.every((f) => f.pcm.length === 480 && f.sampleRate === 24000 && f.turnId === "t1")).toBe(true);
    expect(out.ofType("metrics").map((m) => m.name)).toEqual(["tts.firstAudioMs", "tts.firstAudioMs"]);
  });

  it("stops speaking on interruption and drops the queued phrases", async () => {
    const aborted: string[] = [];
    const out = createFrameRecorder();
    const pipeline = createPipeline([createPhraseAggregatorStage(), createTtsStage({ tts: fakeTts(aborted) })], { onDownstream: out.sink });
    pipeline.push({ type: "turn.start", turnId: "t1" });
    for (const token of ["Here is ", "a long ", "answer. ", "And more ", "to come. ", "Unfinished"]) pipeline.push({ type: "text.chunk", text: token });
    await out.waitFor("audio.out");
    pipeline.interrupt("barge-in");
    pipeline.push({ type: "turn.end", turnId: "t1" });
    await pipeline.idle();
    expect(aborted).toEqual(["Here is a long answer."]);
    const spoken = out.ofType("tts.text").map((f) => f.text);
    expect(spoken).toEqual(["Here is a long answer."]); // the rest was dropped or forgotten
    const afterInterrupt = out.frames.slice(out.types().indexOf("interrupt"));
    expect(afterInterrupt.filter((f) => f.type === "audio.out")).toHaveLength(0);
  });
});

describe("phrase aggregator stage", () => {
  it("turns tokens into phrases with the turn id and flushes at turn end", async () => {
    const out = createFrameRecorder();
    const pipeline = createPipeline([createPhraseAggregatorStage({ minChars: 5 })], { onDownstream: out.sink });
    pipeline.push({ type: "turn.start", turnId: "t9" });
    for (const t of ["Of", " course", ". I", " can", " help"]) pipeline.push({ type: "text.chunk", text: t });
    pipeline.push({ type: "turn.end", turnId: "t9" });
    await pipeline.idle();
    expect(out.ofType("tts.text")).toEqual([
      { type: "tts.text", text: "Of course.", turnId: "t9" },
      { type: "tts.text", text: "I can help", turnId: "t9" },
    ]);
    expect(out.types()).toEqual(["turn.start", "tts.text", "tts.text", "turn.end"]);
  });
});

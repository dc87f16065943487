import { describe, expect, it } from "vitest";
import { createSttStage } from "./stt-stage";
import type { SttPort, SttStreamOptions } from "./stt-port";
import { createPipeline } from "../pipeline/pipeline";
import { createFrameRecorder } from "../pipeline/frame-recorder";
import { RuntimeError } from "../pipeline/errors";
import type { Frame } from "../pipeline/frames";

/** A scripted recogniser: the "transcript" is the number of samples it heard. */
function fakeStt(log: { hints?: readonly string[]; samples?: number }[], fail = false): SttPort {
  return {
    name: "fake",
    transcribe: () => Promise.resolve({ text: "", mode: "fake", processingMs: 0 }),
    stream(options: SttStreamOptions = {}) {
      const entry: { hints?: readonly string[]; samples?: number } = { samples: 0 };
      if (options.hints?.phrases) entry.hints = options.hints.phrases;
      log.push(entry);
      return {
        push(pcm) {
          entry.samples = (entry.samples ?? 0) + pcm.length;
          options.onPartial?.({ text: `partial ${entry.samples}`, stable: false });
        },
        finish: () =>
          fail
            ? Promise.reject(new RuntimeError("stt.failed", "recogniser crashed", { retryable: true }))
            : Promise.resolve({ text: `heard ${entry.samples}`, mode: "fake", processingMs: 7 }),
        cancel: () => undefined,
      };
    },
  };
}

const frame = (at: number): Frame => ({ type: "audio.in", pcm: new Int16Array(320), sampleRate: 16000, at });

describe("STT stage", () => {
  it("streams the utterance with its pre-roll and emits partial, final and a metric", async () => {
    const log: { hints?: readonly string[]; samples?: number }[] = [];
    const out = createFrameRecorder();
    const pipeline = createPipeline([createSttStage({ stt: fakeStt(log), preRollMs: 100, now: () => 42 })], { onDownstream: out.sink });
    for (let i = 0; i < 10; i++) pipeline.push(frame(i * 20)); // 200 ms before speech
    pipeline.push({ type: "user.started", at: 200 });
    for (let i = 10; i < 20; i++) pipeline.push(frame(i * 20));
    pipeline.push({ type: "user.stopped", at: 400 });
    await out.waitFor("transcript.final");
    // 100 ms of pre-roll (5 frames) + 10 frames of speech
    expect(out.ofType("transcript.final")[0]).toEqual({ type: "transcript.final", text: `heard ${15 * 320}`, at: 42 });
    expect(out.ofType("transcript.partial").length).toBeGreaterThan(0);
    expect(out.ofType("metrics")[0]).toMatchObject({ name: "stt.finalMs", value: 7 });
    expect(out.ofType("audio.in")).toHaveLength(20);
  });

  it("listens for the phrases an stt.hints frame gives", async () => {
    const log: { hints?: readonly string[] }[] = [];
    const out = createFrameRecorder();
    const pipeline = createPipeline([createSttStage({ stt: fakeStt(log), hints: { phrases: ["yes", "no"] } })], { onDownstream: out.sink });
    pipeline.push({ type: "user.started", at: 0 });
    pipeline.push({ type: "user.stopped", at: 1 });
    pipeline.push({ type: "stt.hints", phrases: ["{number} people"] });
    pipeline.push({ type: "user.started", at: 2 });
    pipeline.push({ type: "user.stopped", at: 3 });
    await pipeline.idle();
    expect(log.map((l) => l.hints)).toEqual([["yes", "no"], ["{number} people"]]);
    expect(out.ofType("stt.hints")).toEqual([]);
  });

  it("reports a recogniser failure upstream as a retryable error", async () => {
    const up = createFrameRecorder();
    const pipeline = createPipeline([createSttStage({ stt: fakeStt([], true) })], { onUpstream: up.sink });
    pipeline.push({ type: "user.started", at: 0 });
    pipeline.push({ type: "user.stopped", at: 1 });
    const error = await up.waitFor("error");
    expect(error.error.code).toBe("stt.failed");
    expect(error.error.retryable).toBe(true);
  });
});

describe("STT stage at the end of input", () => {
  it("emits the transcript of an unfinished utterance before passing `end` on", async () => {
    const out = createFrameRecorder();
    const pipeline = createPipeline([createSttStage({ stt: fakeStt([]) })], { onDownstream: out.sink });
    pipeline.push({ type: "user.started", at: 0 });
    pipeline.push(frame(0));
    pipeline.push({ type: "end" });
    await out.waitFor("end");
    expect(out.types().filter((t) => t !== "metrics" && t !== "transcript.partial")).toEqual(["user.started", "audio.in", "transcript.final", "end"]);
  });
});

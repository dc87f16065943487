import { describe, expect, it } from "vitest";
import { createProcessor, type ProcessorContext } from "./processor";
import { createPipeline } from "./pipeline";
import { createFrameRecorder } from "./frame-recorder";
import { frameFamily, isInterruptible, type Frame } from "./frames";

const text = (t: string): Frame => ({ type: "tts.text", text: t });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(1);
}

/** A stage that takes `ms` per tts.text frame and honours its signal. */
function slowStage(name: string, ms: number, log: string[] = []) {
  return createProcessor({
    name,
    async process(frame, direction, ctx) {
      if (frame.type === "tts.text") {
        log.push(`${name}:begin:${frame.text}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, ms);
          ctx.signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
        });
        log.push(`${name}:${ctx.signal.aborted ? "aborted" : "done"}:${frame.text}`);
      }
      ctx.push(frame, direction);
    },
  });
}

describe("frame families", () => {
  it("classifies frames and marks system and uninterruptible frames as surviving interruption", () => {
    expect(frameFamily({ type: "user.started", at: 0 })).toBe("system");
    expect(frameFamily(text("hi"))).toBe("data");
    expect(frameFamily({ type: "turn.end", turnId: "t" })).toBe("control");
    expect(isInterruptible(text("hi"))).toBe(true);
    expect(isInterruptible({ type: "tts.text", text: "hi", uninterruptible: true })).toBe(false);
    expect(isInterruptible({ type: "metrics", name: "x", value: 1, at: 0 })).toBe(false);
  });
});

describe("pipeline", () => {
  it("passes frames through every stage in order", async () => {
    const seen: string[] = [];
    const tag = (name: string) =>
      createProcessor({
        name,
        process(frame, direction, ctx) {
          if (frame.type === "tts.text") seen.push(`${name}:${frame.text}`);
          ctx.push(frame, direction);
        },
      });
    const out = createFrameRecorder();
    const pipeline = createPipeline([tag("a"), tag("b")], { onDownstream: out.sink });
    for (const t of ["1", "2", "3"]) pipeline.push(text(t));
    await pipeline.idle();
    expect(out.ofType("tts.text").map((f) => f.text)).toEqual(["1", "2", "3"]);
    expect(seen).toEqual(["a:1", "b:1", "a:2", "b:2", "a:3", "b:3"]);
  });

  it("lets system frames overtake queued data frames", async () => {
    const out = createFrameRecorder();
    const pipeline = createPipeline([slowStage("slow", 30)], { onDownstream: out.sink });
    pipeline.push(text("a"));
    pipeline.push(text("b"));
    pipeline.push({ type: "user.started", at: 1 });
    await pipeline.idle();
    expect(out.types()).toEqual(["user.started", "tts.text", "tts.text"]);
  });

  it("interrupt drops queued data and control frames in every stage but keeps system and uninterruptible ones", async () => {
    const log: string[] = [];
    const out = createFrameRecorder();
    const pipeline = createPipeline([slowStage("s1", 200, log), slowStage("s2", 200, log)], { onDownstream: out.sink });
    pipeline.push(text("a"));
    pipeline.push({ type: "turn.end", turnId: "t1" });
    pipeline.push(text("b"));
    pipeline.push({ type: "tts.text", text: "keep", uninterruptible: true });
    await until(() => log.includes("s2:begin:a") && log.includes("s1:begin:b"));
    pipeline.interrupt("barge-in");
    pipeline.push({ type: "metrics", name: "m", value: 1, at: 0 });
    pipeline.push(text("after"));
    await pipeline.idle();
    expect(log).toContain("s2:aborted:a");
    expect(log).toContain("s1:aborted:b");
    expect(out.ofType("tts.text").map((f) => f.text)).toEqual(["keep", "after"]);
    expect(out.ofType("turn.end")).toHaveLength(0);
    expect(out.ofType("interrupt")).toEqual([{ type: "interrupt", reason: "barge-in" }]);
    expect(out.ofType("metrics")).toHaveLength(1);
  });

  it("calls every stage's interrupt hook with a fresh signal", () => {
    const hooks: string[] = [];
    const stage = (name: string) => {
      let previous: ProcessorContext | undefined;
      return createProcessor({
        name,
        process(frame, direction, ctx) {
          previous = ctx;
          ctx.push(frame, direction);
        },
        onInterrupt(ctx) {
          hooks.push(`${name}:${previous?.signal.aborted}:${ctx.signal.aborted}`);
        },
      });
    };
    const pipeline = createPipeline([stage("a"), stage("b"), stage("c")]);
    pipeline.push(text("x"));
    pipeline.interrupt();
    expect(hooks).toEqual(["a:true:false", "b:true:false", "c:true:false"]);
  });

  it("turns an interrupt requested upstream by a stage around through every stage", async () => {
    const interrupted: string[] = [];
    const listener = (name: string) => createProcessor({ name, onInterrupt: () => interrupted.push(name) });
    const detector = createProcessor({
      name: "detector",
      process(frame, direction, ctx) {
        if (frame.type === "user.started") ctx.push({ type: "interrupt", reason: "user" }, "upstream");
        ctx.push(frame, direction);
      },
      onInterrupt: () => interrupted.push("detector"),
    });
    const out = createFrameRecorder();
    const pipeline = createPipeline([listener("in"), detector, listener("tts")], { onDownstream: out.sink });
    pipeline.push({ type: "user.started", at: 0 });
    await pipeline.idle();
    expect(interrupted).toEqual(["in", "detector", "tts"]);
    expect(out.types()).toEqual(["interrupt", "user.started"]);
  });

  it("nests: a pipeline is a processor inside another", async () => {
    const out = createFrameRecorder();
    const upper = (name: string) =>
      createProcessor({
        name,
        process(frame, direction, ctx) {
          ctx.push(frame.type === "tts.text" ? { ...frame, text: frame.text + name } : frame, direction);
        },
      });
    const inner = createPipeline([upper("b"), upper("c")]);
    const outer = createPipeline([upper("a"), inner, upper("d")], { onDownstream: out.sink });
    outer.push(text(">"));
    await outer.idle();
    expect(out.ofType("tts.text")[0]?.text).toBe(">abcd");
  });

  it("reports a stage failure upstream as a coded error frame and keeps running", async () => {
    const up = createFrameRecorder();
    const out = createFrameRecorder();
    const failing = createProcessor({
      name: "boom",
      process(frame, direction, ctx) {
        if (frame.type === "tts.text" && frame.text === "bad") throw new Error("cannot speak");
        ctx.push(frame, direction);
      },
    });
    const pipeline = createPipeline([createProcessor({ name: "head" }), failing], { onUpstream: up.sink, onDownstream: out.sink });
    pipeline.push(text("bad"));
    pipeline.push(text("good"));
    await pipeline.idle();
    const [error] = up.ofType("error");
    expect(error?.stage).toBe("boom");
    expect(error?.error.code).toBe("pipeline.stage_failed");
    expect(error?.error.message).toContain("cannot speak");
    expect(out.ofType("tts.text").map((f) => f.text)).toEqual(["good"]);
  });

  it("cancels every stage when its AbortSignal aborts, aborting work in flight", async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const out = createFrameRecorder();
    const pipeline = createPipeline([slowStage("s", 1000, log)], { signal: controller.signal, onDownstream: out.sink });
    pipeline.push(text("long"));
    await until(() => log.includes("s:begin:long"));
    controller.abort("hang-up");
    pipeline.push(text("ignored"));
    await pipeline.idle();
    expect(log).toEqual(["s:begin:long", "s:aborted:long"]);
    expect(out.ofType("cancel")).toEqual([{ type: "cancel", reason: "hang-up" }]);
    expect(out.ofType("tts.text")).toHaveLength(0);
    expect(pipeline.cancelled).toBe(true);
  });

  it("delivers every frame of 200 concurrent sessions through five stages", async () => {
    const sessions = 200;
    const framesPerSession = 50; // one second of audio each
    let delivered = 0;
    const pcm = new Int16Array(320);
    const pipelines = Array.from({ length: sessions }, () =>
      createPipeline(
        Array.from({ length: 5 }, (_, i) => createProcessor({ name: `s${i}` })),
        { onDownstream: () => void delivered++ },
      ),
    );
    for (let f = 0; f < framesPerSession; f++) {
      for (const p of pipelines) p.push({ type: "audio.in", pcm, sampleRate: 16000, at: f * 20 });
    }
    await Promise.all(pipelines.map((p) => p.idle()));
    // Speed is measured by `npm run bench`, not asserted here.
    expect(delivered).toBe(sessions * framesPerSession);
  });
});

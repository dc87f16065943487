import { isInterruptible, isSystemFrame, type Direction, type Frame } from "./frames";
import { toRuntimeError } from "./errors";

/**
 * A processor receives frames from both directions and pushes frames on. Data and control
 * frames are queued and processed one at a time, in order; system frames are processed at once.
 * An `interrupt` frame travelling downstream drops the queued interruptible frames, aborts the
 * signal of the work in flight and is passed on, so one frame reaches every stage; travelling
 * upstream it is a request that the pipeline's head turns around. A `cancel` frame stops the
 * processor for good.
 */
export type FrameSink = (frame: Frame) => void;

export interface ProcessorContext {
  readonly name: string;
  /** Aborted when this work is interrupted or the processor is cancelled. */
  readonly signal: AbortSignal;
  /** Pushes a frame on (downstream unless told). Data/control frames of stale work are dropped. */
  push(frame: Frame, direction?: Direction): void;
}

export interface Processor {
  readonly name: string;
  push(frame: Frame, direction?: Direction): void;
  /** Same as pushing an `interrupt` frame downstream into this processor. */
  interrupt(reason?: string): void;
  connect(links: { downstream?: FrameSink; upstream?: FrameSink }): void;
  /** Resolves once nothing is queued or in flight (for tests and orderly shutdown). */
  idle(): Promise<void>;
  readonly cancelled: boolean;
  /** Something is queued or in flight. */
  readonly busy: boolean;
}

export interface ProcessorSpec {
  name: string;
  /** Handles one frame; the default passes it on in the direction it travels. */
  process?(frame: Frame, direction: Direction, ctx: ProcessorContext): void | Promise<void>;
  /** Called on interruption, after the queue is dropped, with the context of the work to come. */
  onInterrupt?(ctx: ProcessorContext): void;
  /** Called once when the processor is cancelled. */
  onCancel?(): void;
}

const noop: FrameSink = () => undefined;

function forward(frame: Frame, direction: Direction, ctx: ProcessorContext): void {
  ctx.push(frame, direction);
}

export function createProcessor(spec: ProcessorSpec): Processor {
  const process = spec.process ?? forward;
  let downstream = noop;
  let upstream = noop;
  let cancelled = false;
  let frames: Frame[] = [];
  let directions: Direction[] = [];
  let head = 0;
  let draining = false;
  let idleWaiters: (() => void)[] = [];
  let systemInFlight = 0;
  let ctx = newContext();

  function newContext(): ProcessorContext {
    const controller = new AbortController();
    const self: ProcessorContext & { controller: AbortController } = {
      name: spec.name,
      signal: controller.signal,
      controller,
      push(frame, direction = "downstream") {
        if (cancelled) return;
        if (self !== ctx && !isSystemFrame(frame)) return; // stale work after an interrupt
        (direction === "downstream" ? downstream : upstream)(frame);
      },
    };
    return self;
  }

  function abortCurrent(reason: string): void {
    (ctx as ProcessorContext & { controller: AbortController }).controller.abort(reason);
  }

  function fail(error: unknown, at: ProcessorContext): void {
    if (at.signal.aborted) return; // work that was interrupted or cancelled may end by throwing
    const frame: Frame = {
      type: "error",
      error: toRuntimeError(error, "pipeline.stage_failed", `stage ${spec.name}`),
      stage: spec.name,
      fatal: false,
    };
    upstream(frame);
  }

  function run(frame: Frame, direction: Direction): Promise<void> | undefined {
    const at = ctx;
    try {
      const result = process(frame, direction, at);
      if (result !== undefined) return result.catch((e: unknown) => fail(e, at));
    } catch (e) {
      fail(e, at);
    }
    return undefined;
  }

  function drain(): void {
    draining = true;
    while (head < frames.length) {
      const frame = frames[head] as Frame;
      const direction = directions[head] as Direction;
      head++;
      const pending = run(frame, direction);
      if (pending) {
        void pending.then(drain);
        return;
      }
    }
    frames.length = 0;
    directions.length = 0;
    head = 0;
    draining = false;
    if (systemInFlight === 0 && idleWaiters.length > 0) wakeIdle();
  }

  function wakeIdle(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  function dropQueued(): void {
    const keptFrames: Frame[] = [];
    const keptDirections: Direction[] = [];
    for (let i = head; i < frames.length; i++) {
      const f = frames[i] as Frame;
      if (!isInterruptible(f)) {
        keptFrames.push(f);
        keptDirections.push(directions[i] as Direction);
      }
    }
    frames = keptFrames;
    directions = keptDirections;
    head = 0;
  }

  function handleInterrupt(frame: Frame, direction: Direction): void {
    if (direction === "upstream") {
      upstream(frame); // a request: the pipeline's head sends it back down through every stage
      return;
    }
    dropQueued();
    abortCurrent("interrupted");
    ctx = newContext();
    spec.onInterrupt?.(ctx);
    downstream(frame);
  }

  function handleCancel(frame: Frame, direction: Direction): void {
    frames = [];
    directions = [];
    head = 0;
    abortCurrent("cancelled");
    // Pass it on before marking ourselves cancelled: ctx.push refuses frames afterwards.
    (direction === "downstream" ? downstream : upstream)(frame);
    cancelled = true;
    spec.onCancel?.();
    wakeIdle();
  }

  const processor: Processor = {
    name: spec.name,
    get cancelled() {
      return cancelled;
    },
    get busy() {
      return !cancelled && (draining || systemInFlight > 0);
    },
    push(frame, direction = "downstream") {
      if (cancelled) return;
      if (isSystemFrame(frame)) {
        if (frame.type === "interrupt") return handleInterrupt(frame, direction);
        if (frame.type === "cancel") return handleCancel(frame, direction);
        const pending = run(frame, direction);
        if (pending) {
          systemInFlight++;
          void pending.then(() => {
            systemInFlight--;
            if (!draining && systemInFlight === 0) wakeIdle();
          });
        }
        return;
      }
      if (draining) {
        frames.push(frame);
        directions.push(direction);
        return;
      }
      // Fast path: nothing queued, so process now without touching the queue.
      draining = true;
      const pending = run(frame, direction);
      if (pending) void pending.then(drain);
      else drain();
    },
    interrupt(reason) {
      processor.push(reason === undefined ? { type: "interrupt" } : { type: "interrupt", reason }, "downstream");
    },
    connect(links) {
      if (links.downstream) downstream = links.downstream;
      if (links.upstream) upstream = links.upstream;
    },
    idle() {
      if (!processor.busy) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
  return processor;
}

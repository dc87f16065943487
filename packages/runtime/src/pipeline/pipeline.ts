import type { Direction, Frame } from "./frames";
import type { FrameSink, Processor } from "./processor";

/**
 * A pipeline chains processors and is itself a processor, so pipelines nest. It adds no queue
 * of its own. An `interrupt` frame travelling upstream out of its first stage is turned around
 * and sent down through every stage, unless the pipeline is linked into an outer one, which
 * then does the same.
 */
export interface Pipeline extends Processor {
  readonly stages: readonly Processor[];
}

export interface PipelineOptions {
  name?: string;
  /** Aborting it cancels every stage (a `cancel` frame goes down the pipeline). */
  signal?: AbortSignal;
  /** Receives what leaves the last stage (usually the output transport does this instead). */
  onDownstream?: FrameSink;
  /** Receives what leaves the first stage upstream: errors, metrics, requests. */
  onUpstream?: FrameSink;
}

export function createPipeline(stages: readonly Processor[], options: PipelineOptions = {}): Pipeline {
  const name = options.name ?? `pipeline(${stages.map((s) => s.name).join(",")})`;
  let downstream: FrameSink = options.onDownstream ?? (() => undefined);
  let upstream: FrameSink | undefined = options.onUpstream;
  let linkedUpstream = false;
  let cancelled = false;

  const first = stages[0];
  const last = stages[stages.length - 1];

  stages.forEach((stage, i) => {
    const next = stages[i + 1];
    const previous = stages[i - 1];
    stage.connect({
      downstream: next ? (f) => next.push(f, "downstream") : (f) => downstream(f),
      upstream: previous ? (f) => previous.push(f, "upstream") : leaveUpstream,
    });
  });

  function leaveUpstream(frame: Frame): void {
    if (frame.type === "interrupt" && !linkedUpstream) {
      pipeline.push(frame, "downstream");
      return;
    }
    upstream?.(frame);
  }

  const pipeline: Pipeline = {
    name,
    stages,
    get cancelled() {
      return cancelled;
    },
    push(frame: Frame, direction: Direction = "downstream") {
      if (frame.type === "cancel") cancelled = true;
      if (direction === "downstream") {
        if (first) first.push(frame, "downstream");
        else downstream(frame);
      } else if (last) last.push(frame, "upstream");
      else leaveUpstream(frame);
    },
    interrupt(reason) {
      pipeline.push(reason === undefined ? { type: "interrupt" } : { type: "interrupt", reason }, "downstream");
    },
    connect(links) {
      if (links.downstream) downstream = links.downstream;
      if (links.upstream) {
        upstream = links.upstream;
        linkedUpstream = true;
      }
    },
    get busy() {
      return stages.some((s) => s.busy);
    },
    async idle() {
      // Stages wake each other, so wait until one look finds them all idle at once.
      while (pipeline.busy) {
        await Promise.all(stages.map((s) => s.idle()));
        await new Promise<void>((r) => setImmediate(r));
      }
    },
  };

  const signal = options.signal;
  if (signal) {
    const onAbort = () => pipeline.push({ type: "cancel", reason: String(signal.reason ?? "aborted") });
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  }
  return pipeline;
}

import type { Frame, FrameOf, FrameType } from "./frames";
import type { FrameSink } from "./processor";

/**
 * Records the frames that reach a sink and waits for one of a type: the harness for testing
 * stages and pipelines (shipped with the package, as Pipecat ships its test utilities).
 */
export interface FrameRecorder {
  readonly sink: FrameSink;
  readonly frames: readonly Frame[];
  ofType<T extends FrameType>(type: T): FrameOf<T>[];
  types(): FrameType[];
  /** Resolves with the next frame of this type (or one already recorded after `since`). */
  waitFor<T extends FrameType>(type: T, options?: { timeoutMs?: number; since?: number }): Promise<FrameOf<T>>;
  clear(): void;
}

export function createFrameRecorder(): FrameRecorder {
  const frames: Frame[] = [];
  let waiters: { type: FrameType; resolve: (f: Frame) => void }[] = [];

  const recorder: FrameRecorder = {
    frames,
    sink(frame) {
      frames.push(frame);
      const ready = waiters.filter((w) => w.type === frame.type);
      if (ready.length === 0) return;
      waiters = waiters.filter((w) => w.type !== frame.type);
      for (const w of ready) w.resolve(frame);
    },
    ofType<T extends FrameType>(type: T) {
      return frames.filter((f): f is FrameOf<T> => f.type === type);
    },
    types() {
      return frames.map((f) => f.type);
    },
    waitFor<T extends FrameType>(type: T, options: { timeoutMs?: number; since?: number } = {}) {
      const found = frames.slice(options.since ?? 0).find((f) => f.type === type);
      if (found) return Promise.resolve(found as FrameOf<T>);
      return new Promise<FrameOf<T>>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${type} frame within ${options.timeoutMs ?? 5000} ms; saw ${recorder.types().join(", ")}`)),
          options.timeoutMs ?? 5000,
        );
        waiters.push({
          type,
          resolve: (f) => {
            clearTimeout(timer);
            resolve(f as FrameOf<T>);
          },
        });
      });
    },
    clear() {
      frames.length = 0;
    },
  };
  return recorder;
}

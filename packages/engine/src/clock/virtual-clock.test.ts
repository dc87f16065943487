import { describe, expect, it } from "vitest";
import { createVirtualClock } from "./virtual-clock";
import type { WatchedWork } from "./virtual-clock";

/** Work that is busy until `finish()` is called. */
function work(): WatchedWork & { finish(): void } {
  let busy = true;
  let waiters: (() => void)[] = [];
  return {
    isIdle: () => !busy,
    whenIdle: () => (busy ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
    finish() {
      busy = false;
      for (const resolve of waiters) resolve();
      waiters = [];
    },
  };
}

/** Whether what `start` returns settles before a macrotask turn scheduled just before it ends. */
async function settledBeforeMacrotask(start: () => Promise<unknown>): Promise<boolean> {
  let macrotask = false;
  const handle = setImmediate(() => (macrotask = true));
  await start();
  clearImmediate(handle);
  return !macrotask;
}

describe("virtual clock", () => {
  it("fires due timers in time order, then sets the time to the target", async () => {
    const clock = createVirtualClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => fired.push(`a@${clock.now()}`), 100);
    clock.setTimeout(() => fired.push("late"), 500);
    await clock.advance(300);
    expect(fired).toEqual(["a@100", "b@200"]);
    expect(clock.now()).toBe(300);
    expect(clock.pendingTimers()).toBe(1);
  });

  it("lets promise work a timer started settle before the next timer fires", async () => {
    const clock = createVirtualClock(0);
    const order: string[] = [];
    clock.setTimeout(() => void Promise.resolve().then(() => order.push("work of the first")), 10);
    clock.setTimeout(() => order.push("second"), 20);
    await clock.advance(20);
    expect(order).toEqual(["work of the first", "second"]);
  });

  it("without watched work, flushing waits one macrotask turn", async () => {
    const clock = createVirtualClock(0);
    expect(await settledBeforeMacrotask(() => clock.flush())).toBe(false);
  });

  it("with watched work idle, flushing does not wait for a macrotask turn", async () => {
    const clock = createVirtualClock(0);
    const w = work();
    w.finish();
    clock.watchWork(w);
    expect(await settledBeforeMacrotask(() => clock.flush())).toBe(true);
  });

  it("with watched work that finishes in microtasks, flushing ends when it is idle", async () => {
    const clock = createVirtualClock(0);
    const w = work();
    clock.watchWork(w);
    void Promise.resolve().then(() => Promise.resolve().then(() => w.finish()));
    expect(await settledBeforeMacrotask(() => clock.flush())).toBe(true);
    expect(w.isIdle()).toBe(true);
  });

  it("with watched work still busy (waiting on a timer or I/O), flushing ends after one macrotask turn", async () => {
    const clock = createVirtualClock(0);
    const w = work();
    clock.watchWork(w);
    expect(await settledBeforeMacrotask(() => clock.flush())).toBe(false);
    expect(w.isIdle()).toBe(false);
  });

  it("settles watched work where setImmediate comes without clearImmediate (the builder's browser polyfill)", async () => {
    const original = globalThis.clearImmediate;
    // @ts-expect-error -- removed to stand for a browser polyfill that only adds setImmediate
    delete globalThis.clearImmediate;
    try {
      const clock = createVirtualClock(0);
      const w = work();
      clock.watchWork(w);
      void Promise.resolve().then(() => w.finish());
      await clock.flush();
      expect(w.isIdle()).toBe(true);
      const busy = work();
      clock.watchWork(busy);
      await clock.flush();
      expect(busy.isIdle()).toBe(false);
    } finally {
      globalThis.clearImmediate = original;
    }
  });
});

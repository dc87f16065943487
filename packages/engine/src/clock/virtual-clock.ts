import type { SessionClock } from "./clock";

interface Timer {
  id: number;
  at: number;
  seq: number;
  deadline: boolean;
  callback: () => void;
}

export interface VirtualClock extends SessionClock {
  /** Moves time forward by `ms`, firing due timers in order and letting promises settle between them. */
  advance(ms: number): Promise<void>;
  /** Lets pending promise callbacks run without moving time. */
  flush(): Promise<void>;
  /** The time of the next timer, or null when none is pending. */
  nextTimerAt(): number | null;
  /** The next timer: when, and whether it is a deadline guarding real work. */
  nextTimer(): { at: number; deadline: boolean } | null;
  /** Moves time to the next timer and fires it (only that one), then lets promises settle. False when none is pending. */
  fireNext(): Promise<boolean>;
  /** Fires timers one at a time until `until()` holds or no timer is due before `limitMs` from now. */
  runUntil(until: () => boolean, limitMs: number): Promise<boolean>;
  pendingTimers(): number;
  /**
   * Tells the clock what may still be running on promises (the text simulation passes its
   * session). While it is idle the clock does not yield a macrotask turn to let work settle, and
   * while it is busy the clock waits only until it is idle if that comes first: a turn understood
   * locally settles in microtasks, so the simulation need not go through the event loop for it.
   */
  watchWork(work: WatchedWork): void;
}

/** Work in flight on promises, as the clock sees it (see `VirtualClock.watchWork`). */
export interface WatchedWork {
  isIdle(): boolean;
  whenIdle(): Promise<void>;
}

/**
 * Schedules `callback` for the next macrotask turn; returns a cancel function. Microtasks run to
 * exhaustion before the next macrotask, so one turn settles every promise chain that does no I/O.
 */
function nextTurn(callback: () => void): () => void {
  if (typeof setImmediate === "function") {
    const handle = setImmediate(callback);
    // The builder's browser polyfill gives setImmediate without clearImmediate: the turn then
    // still comes, and finds its promise resolved.
    return typeof clearImmediate === "function" ? () => clearImmediate(handle) : () => {};
  }
  // Browsers without a polyfill: a timeout is a macrotask too.
  const handle = setTimeout(callback, 0);
  return () => clearTimeout(handle);
}

function macrotaskTurn(): Promise<void> {
  return new Promise<void>((resolve) => void nextTurn(resolve));
}

/** One macrotask turn, or less: until `work` is idle, if that comes first (the turn is then cancelled). */
function settleWork(work: WatchedWork): Promise<void> {
  if (work.isIdle()) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const cancel = nextTurn(resolve);
    void work.whenIdle().then(() => {
      cancel();
      resolve();
    });
  });
}

/** A deterministic clock: nothing happens until the test or simulator moves time. */
export function createVirtualClock(startMs = Date.UTC(2026, 10, 25, 9, 0, 0)): VirtualClock {
  let now = startMs;
  let nextId = 1;
  let seq = 0;
  const timers = new Map<number, Timer>();
  let watched: WatchedWork | null = null;
  const settle = () => (watched ? settleWork(watched) : macrotaskTurn());

  function due(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of timers.values()) {
      if (t.at > limit) continue;
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }

  /** Moves time to the timer, runs it, and lets what it started settle. */
  async function fire(t: Timer): Promise<void> {
    timers.delete(t.id);
    now = Math.max(now, t.at);
    t.callback();
    await settle();
  }

  const clock: VirtualClock = {
    now: () => now,
    setTimeout(callback, ms, options) {
      const id = nextId++;
      timers.set(id, { id, at: now + Math.max(0, ms), seq: seq++, deadline: options?.deadline === true, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async flush() {
      await settle();
    },
    nextTimerAt() {
      let at: number | null = null;
      for (const t of timers.values()) if (at === null || t.at < at) at = t.at;
      return at;
    },
    nextTimer() {
      const t = due(Number.POSITIVE_INFINITY);
      return t ? { at: t.at, deadline: t.deadline } : null;
    },
    pendingTimers: () => timers.size,
    watchWork(work) {
      watched = work;
    },
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (let t = due(target); t; t = due(target)) await fire(t);
      now = target;
    },
    async fireNext() {
      const t = due(Number.POSITIVE_INFINITY);
      if (!t) return false;
      await fire(t);
      return true;
    },
    async runUntil(until, limitMs) {
      const limit = now + limitMs;
      await settle();
      while (!until()) {
        const t = due(limit);
        if (!t) return false;
        await fire(t);
      }
      return true;
    },
  };
  return clock;
}

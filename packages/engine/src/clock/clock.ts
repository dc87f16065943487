/**
 * The session clock. XState's actors take it for their delayed events, and every time in the
 * engine is read from it, so tests and the simulator can run on virtual time.
 */
export interface SessionClock {
  /** Milliseconds since the epoch (virtual or real). */
  now(): number;
  /**
   * `deadline` marks a timeout that guards real work (a tool's HTTP call): a virtual clock lets
   * real time pass before firing it, so a simulation does not time out work that is merely real.
   */
  setTimeout(callback: () => void, ms: number, options?: { deadline?: boolean }): unknown;
  clearTimeout(handle: unknown): void;
}

/** Resolves after `ms` on the given clock, or rejects with the signal's reason when aborted. */
export function sleep(clock: SessionClock, ms: number, signal?: AbortSignal, options?: { deadline?: boolean }): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const handle = clock.setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      ms,
      options,
    );
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function createRealClock(): SessionClock {
  return {
    now: () => Date.now(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

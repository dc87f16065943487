/**
 * Holds the latest value and writes it once writes have paused for `delayMs` (trailing
 * debounce), or at the latest `maxWaitMs` after the first unwritten value, so a long burst of
 * typing still reaches storage now and then. `flush` writes the pending value at once (page
 * hidden, unmount); `cancel` drops it (the server has it, the local copy is being cleared).
 */
export interface DebouncedWriter<T> {
  schedule(value: T): void;
  flush(): void;
  cancel(): void;
  readonly pending: boolean;
}

export interface DebounceTiming {
  delayMs: number;
  maxWaitMs: number;
}

export function createDebouncedWriter<T>(write: (value: T) => void, { delayMs, maxWaitMs }: DebounceTiming): DebouncedWriter<T> {
  let pending: { value: T } | null = null;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;

  const stopTimers = () => {
    clearTimeout(quiet);
    clearTimeout(deadline);
    quiet = deadline = undefined;
  };
  const flush = () => {
    stopTimers();
    if (!pending) return;
    const { value } = pending;
    pending = null;
    write(value);
  };

  return {
    schedule(value) {
      pending = { value };
      clearTimeout(quiet);
      quiet = setTimeout(flush, delayMs);
      deadline ??= setTimeout(flush, maxWaitMs);
    },
    flush,
    cancel() {
      stopTimers();
      pending = null;
    },
    get pending() {
      return pending !== null;
    },
  };
}

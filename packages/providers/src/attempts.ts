import { ProviderError } from "@voxchart/engine";
import { isAbortError, toProviderError } from "./provider-errors";
import { backoffDelayMs, sleep, type RetryPolicy } from "./retry";

export const ABORTED_CODE = "provider/aborted";

/** One attempt's cancellation: the caller's signal, our timer, and (after success) the caller's own abort. */
export interface Attempt {
  readonly signal: AbortSignal;
  /** Aborts the attempt (closes its HTTP stream) and detaches it from the caller's signal. */
  release(): void;
}

export interface AttemptOptions {
  operation: string;
  policy: RetryPolicy;
  /** Time allowed for `open` (for streams: until the first token). */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  random?: () => number;
}

/**
 * Runs `open` until it succeeds, retrying retryable failures with backoff. Everything after `open`
 * resolved (the rest of a stream) is outside this loop, so tokens are never retried.
 * On success the attempt stays live: the caller reads with `attempt.signal` and calls `release()`.
 */
export async function openWithRetries<T>(
  open: (signal: AbortSignal) => Promise<T>,
  options: AttemptOptions,
): Promise<{ value: T; attempt: Attempt }> {
  for (let retry = 0; ; retry++) {
    const attempt = linkedAttempt(options.signal);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attempt.abortForTimeout();
    }, options.timeoutMs);
    try {
      const value = await open(attempt.signal);
      return { value, attempt };
    } catch (error) {
      attempt.release();
      const failure = classify(error, options, timedOut);
      if (!failure.retryable || retry >= options.policy.maxRetries) throw failure;
      const slept = await sleep(backoffDelayMs(retry, options.policy, options.random), options.signal);
      if (!slept) throw aborted(options.operation);
    } finally {
      clearTimeout(timer);
    }
  }
}

function classify(error: unknown, options: AttemptOptions, timedOut: boolean): ProviderError {
  if (options.signal?.aborted) return aborted(options.operation);
  if (timedOut) {
    return new ProviderError("provider/timeout", `${options.operation}: no response within ${options.timeoutMs} ms`, {
      retryable: true,
      cause: error,
    });
  }
  if (isAbortError(error)) return aborted(options.operation);
  return toProviderError(error, options.operation);
}

export function aborted(operation: string): ProviderError {
  return new ProviderError(ABORTED_CODE, `${operation}: aborted`, { retryable: false });
}

function linkedAttempt(outer: AbortSignal | undefined): Attempt & { abortForTimeout(): void } {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    abortForTimeout: () => controller.abort(new Error("timeout")),
    release: () => {
      outer?.removeEventListener("abort", onAbort);
      controller.abort();
    },
  };
}

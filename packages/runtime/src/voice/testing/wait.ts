import { abortedError } from "../../pipeline/errors";

/** Resolves after `ms` (real time); rejects with an "aborted" error when the signal fires first. */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError("wait"));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError("wait"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

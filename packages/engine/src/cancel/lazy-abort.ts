/**
 * A cancellation whose AbortSignal is made only when first read. Most tool calls never read their
 * signal, and an AbortController (an EventTarget) costs more to make than a stubbed call.
 */
export class LazyAbort {
  #controller: AbortController | null = null;
  #aborted = false;
  #reason: unknown = undefined;
  #listener: (() => void) | null = null;

  get aborted(): boolean {
    return this.#aborted;
  }

  /** The signal, aborted already if this was. */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** Aborts once; later calls do nothing. */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
    this.#listener?.();
  }

  /** The one callback run on abort (a later call replaces it; null removes it). */
  onAbort(listener: (() => void) | null): void {
    this.#listener = listener;
  }
}

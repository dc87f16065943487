import type { IncomingHttpHeaders } from "node:http";
import { performance } from "node:perf_hooks";

export type RequestOutcome = "pending" | "completed" | "aborted";

/** One request as the server saw it. Times are `performance.now()` of this process. */
export interface RecordedRequest {
  readonly id: number;
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON, or for multipart uploads the fields with the file summarised. */
  body: unknown;
  readonly receivedAt: number;
  status: number | undefined;
  /** "aborted" when the client closed the connection before the response ended (e.g. before [DONE]). */
  outcome: RequestOutcome;
  closedAt: number | undefined;
  /** Resolves once the response ended or the client went away. */
  readonly closed: Promise<RecordedRequest>;
}

export class RequestLog {
  readonly entries: RecordedRequest[] = [];
  readonly #arrivalWaiters: Array<{ index: number; resolve: (r: RecordedRequest) => void }> = [];

  open(method: string, path: string, headers: IncomingHttpHeaders): { entry: RecordedRequest; close: (outcome: RequestOutcome) => void } {
    let resolveClosed!: (r: RecordedRequest) => void;
    const closed = new Promise<RecordedRequest>((resolve) => (resolveClosed = resolve));
    const entry: RecordedRequest = {
      id: this.entries.length,
      method,
      path,
      headers,
      body: undefined,
      receivedAt: performance.now(),
      status: undefined,
      outcome: "pending",
      closedAt: undefined,
      closed,
    };
    this.entries.push(entry);
    for (const waiter of this.#arrivalWaiters.filter((w) => w.index === entry.id)) waiter.resolve(entry);
    const close = (outcome: RequestOutcome): void => {
      if (entry.outcome !== "pending") return;
      entry.outcome = outcome;
      entry.closedAt = performance.now();
      resolveClosed(entry);
    };
    return { entry, close };
  }

  /** The index-th request (0-based), now or when it arrives. */
  waitFor(index: number): Promise<RecordedRequest> {
    const existing = this.entries[index];
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve) => this.#arrivalWaiters.push({ index, resolve }));
  }
}

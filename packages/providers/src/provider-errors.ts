import OpenAI from "openai";
import { ProviderError } from "@voxchart/engine";

/** HTTP statuses worth another attempt: timeouts, conflicts, rate limits and server faults. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Maps whatever the SDK (or fetch) threw onto a ProviderError carrying code, retryable and status. */
export function toProviderError(error: unknown, operation: string): ProviderError {
  if (error instanceof ProviderError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ProviderError("provider/timeout", `${operation}: the request timed out`, { retryable: true, cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ProviderError("provider/connection", `${operation}: connection failed: ${error.message}`, {
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof OpenAI.APIError) {
    const status = typeof error.status === "number" ? error.status : undefined;
    const code = status === undefined ? "provider/api" : status === 429 ? "provider/rate-limited" : `provider/http-${status}`;
    return new ProviderError(code, `${operation}: ${error.message}`, {
      retryable: status === undefined ? false : isRetryableStatus(status),
      ...(status === undefined ? {} : { status }),
      cause: error,
    });
  }
  // fetch's body stream fails with a TypeError ("terminated") when the socket drops mid-body.
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError("provider/connection", `${operation}: ${message}`, { retryable: true, cause: error });
}

export function isAbortError(error: unknown): boolean {
  return (
    error instanceof OpenAI.APIUserAbortError ||
    (error instanceof Error && (error.name === "AbortError" || error.name === "APIUserAbortError"))
  );
}

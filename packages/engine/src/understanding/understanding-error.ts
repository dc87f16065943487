export type UnderstandingErrorCode = "understanding_aborted";

/** A failure of an understanding call, with a stable code. */
export class UnderstandingError extends Error {
  override readonly name = "UnderstandingError";
  constructor(
    readonly code: UnderstandingErrorCode,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

export function abortedError(): UnderstandingError {
  return new UnderstandingError("understanding_aborted", "understanding was cancelled by its caller's AbortSignal (the turn moved on)");
}

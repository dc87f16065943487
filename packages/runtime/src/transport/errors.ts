/** Transport faults as typed values: a stable code and a message that says what to do. */

export type TransportErrorCode =
  | "transport/malformed-frame"
  | "transport/empty-frame"
  | "transport/text-frame"
  | "transport/message-too-large"
  | "transport/invalid-rtvi"
  | "transport/invalid-json"
  | "transport/abuse"
  | "transport/slow-consumer"
  | "transport/invalid-wav"
  | "transport/bad-request"
  | "transport/payload-too-large"
  | "transport/not-found"
  | "transport/method-not-allowed"
  | "transport/handler-failed"
  | "transport/unsupported";

export interface TransportError {
  readonly code: TransportErrorCode;
  readonly message: string;
}

export function transportError(code: TransportErrorCode, message: string): TransportError {
  return { code, message };
}

/** A value or a typed error, for expected failures (bad input from the network). */
export type Result<T, E = TransportError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });

export function describeUnknown(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Runtime errors are values with a stable code and an actionable message. Provider-facing
 * errors (STT, TTS, VAD) say whether retrying the same call may succeed.
 */
export type RuntimeErrorCode =
  | "aborted"
  | "audio.invalid_wav"
  | "audio.invalid_format"
  | "pipeline.stage_failed"
  | "vad.model_unavailable"
  | "vad.failed"
  | "stt.unavailable"
  | "stt.failed"
  | "tts.unavailable"
  | "tts.failed";

export interface RuntimeErrorOptions {
  retryable?: boolean;
  cause?: unknown;
}

export class RuntimeError extends Error {
  readonly code: RuntimeErrorCode;
  readonly retryable: boolean;

  constructor(code: RuntimeErrorCode, message: string, options: RuntimeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "RuntimeError";
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

export function isRuntimeError(value: unknown): value is RuntimeError {
  return value instanceof RuntimeError;
}

/** Wraps anything thrown into a RuntimeError, keeping one that already is. */
export function toRuntimeError(value: unknown, code: RuntimeErrorCode, context: string): RuntimeError {
  if (value instanceof RuntimeError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new RuntimeError(code, `${context}: ${message}`, { cause: value });
}

export function abortedError(what: string): RuntimeError {
  return new RuntimeError("aborted", `${what} was cancelled`);
}

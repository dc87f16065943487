/** What can go wrong in the CLI itself (flow problems are Diagnostics from @voxchart/flow). */
export type CliErrorCode =
  | "usage"
  | "file/not-found"
  | "file/unreadable"
  | "test-file/syntax"
  | "test-file/invalid"
  | "script/invalid"
  | "tools/load"
  | "flow/invalid";

/** A typed, expected failure: printed as its message (never a stack trace) with exit code 1 or 2. */
export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    /** 2 for usage mistakes, 1 otherwise. */
    readonly exitCode: 1 | 2 = code === "usage" ? 2 : 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}

import { isDbError } from "@voxchart/db";

/** The builder API's error codes and their HTTP statuses: one table for every route. */
export const APP_ERROR_STATUS = {
  "invalid-body": 400,
  "invalid-json": 400,
  "invalid-flow": 422,
  /** An imported `voxchart test` file has problems (each located); nothing was saved. */
  "invalid-test-file": 400,
  "not-found": 404,
  conflict: 409,
  /** Test cases fail on what would be deployed; deploying anyway takes `allowFailingTests`. */
  "tests-failed": 409,
  unchanged: 409,
  /** The voice runtime could not be reached or refused a deploy. */
  "runtime-error": 502,
  internal: 500,
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

/** Any thrown value as an AppError: repository errors keep their code, the rest is internal. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDbError(error)) {
    const code: AppErrorCode = error.code === "invalid-input" ? "invalid-body" : error.code === "migration-failed" ? "internal" : error.code;
    return new AppError(code, error.message, error.details);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError("internal", `Unexpected server error: ${message}`);
}

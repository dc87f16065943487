import type { z } from "zod";

/** Stable codes; the builder maps them to HTTP statuses with {@link dbErrorHttpStatus}. */
export type DbErrorCode =
  | "not-found"
  | "conflict"
  | "invalid-input"
  | "unchanged"
  | "migration-failed";

/** HTTP status per code, for API routes (one table, as documenso's AppError). */
export const dbErrorHttpStatus: Readonly<Record<DbErrorCode, number>> = {
  "not-found": 404,
  conflict: 409,
  "invalid-input": 400,
  unchanged: 409,
  "migration-failed": 500,
};

export interface DbErrorOptions {
  /** The operation that failed, e.g. "flows.saveDraft". */
  where: string;
  /** Machine-readable context (ids, revisions, issue paths). JSON-safe. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error type @voxchart/db throws for expected outcomes. */
export class DbError extends Error {
  override readonly name = "DbError";
  readonly code: DbErrorCode;
  readonly where: string;
  readonly details: Record<string, unknown>;

  constructor(code: DbErrorCode, message: string, options: DbErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.where = options.where;
    this.details = options.details ?? {};
  }

  toJSON(): { code: DbErrorCode; message: string; where: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, where: this.where, details: this.details };
  }
}

export function isDbError(value: unknown, code?: DbErrorCode): value is DbError {
  return value instanceof DbError && (code === undefined || value.code === code);
}

export function notFound(where: string, what: string, details: Record<string, unknown> = {}): DbError {
  return new DbError("not-found", `${what} was not found. Check the id, or list to see what exists.`, {
    where,
    details,
  });
}

/** Parses input with a zod schema, turning a failure into an invalid-input DbError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  throw new DbError("invalid-input", `Invalid input for ${where}: ${summary}`, { where, details: { issues } });
}

import { DbError } from "../errors/db-error";

/** Awaits a promise that should reject with a DbError, and returns the error. */
export async function errorOf(promise: Promise<unknown>): Promise<DbError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DbError)) throw new Error(`expected a DbError, got ${String(error)}`);
  return error;
}

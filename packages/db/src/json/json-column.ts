import type { z } from "zod";
import { DbError } from "../errors/db-error";

/** Reads a JSON text column through a zod schema; a bad stored value is reported, not trusted. */
export function readJsonColumn<S extends z.ZodType>(schema: S, text: string, where: string, column: string): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new DbError("invalid-input", `Stored ${column} is not valid JSON.`, { where, details: { column }, cause });
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new DbError("invalid-input", `Stored ${column} does not match its schema: ${result.error.message}`, {
      where,
      details: { column },
    });
  }
  return result.data;
}

export function writeJsonColumn(value: unknown): string {
  return JSON.stringify(value);
}

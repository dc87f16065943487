/**
 * A JSON-safe copy of a plain value (undefined dropped, NaN and Infinity as null), for columns
 * that refuse anything JSON cannot hold. Timings may contain NaN after a division by zero.
 */
export function toJsonObject(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

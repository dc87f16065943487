import type { JsonValue } from "../schemas/common";

/**
 * Copies a value into plain JSON the way JSON.stringify would store it (object properties whose
 * value is undefined are dropped, undefined in arrays becomes null), but refuses what
 * JSON.stringify would silently mangle: functions, symbols, bigint, NaN, ±Infinity, class
 * instances (Date, Map …) and cycles. Throws a TypeError naming the path.
 */
export function toJsonValue(value: unknown, path = "$", seen: Set<object> = new Set()): JsonValue {
  if (value === null) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot represent`);
      return value;
    case "object": {
      if (seen.has(value)) throw new TypeError(`${path} refers back to itself (a cycle)`);
      seen.add(value);
      try {
        if (Array.isArray(value)) {
          return value.map((item: unknown, i) => (item === undefined ? null : toJsonValue(item, `${path}[${i}]`, seen)));
        }
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          throw new TypeError(`${path} is a ${value.constructor?.name ?? "non-plain object"}, not a plain JSON object`);
        }
        const out: Record<string, JsonValue> = {};
        for (const [key, item] of Object.entries(value)) {
          if (item === undefined) continue;
          out[key] = toJsonValue(item, `${path}.${key}`, seen);
        }
        return out;
      } finally {
        seen.delete(value);
      }
    }
    default:
      throw new TypeError(`${path} is a ${typeof value}, which JSON cannot represent`);
  }
}

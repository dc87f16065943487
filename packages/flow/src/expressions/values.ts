/**
 * Runtime values and the total operations on them. Variables come from the host as `unknown`;
 * anything that is not JSON-like data (functions, class instances, undefined) reads as null.
 */

export type Value = null | boolean | number | string | readonly Value[] | { readonly [key: string]: Value };

/** What an expression is evaluated against. */
export interface Scope {
  readonly vars: Readonly<Record<string, unknown>>;
  /** The clock for today() and now(); a parameter so tests and replays are deterministic. */
  readonly now: Date;
}

/** Names that lead to prototypes or constructors; they always read as null. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function isPlainObject(v: unknown): v is { readonly [key: string]: unknown } {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Host data as an expression value: JSON-like data passes, everything else is null. */
export function fromHost(v: unknown): Value {
  switch (typeof v) {
    case "string":
    case "boolean":
      return v;
    case "number":
      return Number.isNaN(v) ? null : v;
    case "object":
      return v === null || Array.isArray(v) || isPlainObject(v) ? (v as Value) : null;
    default:
      return null;
  }
}

/** An own property of a plain record, or null. */
export function readOwn(record: { readonly [key: string]: unknown }, key: string): Value {
  if (FORBIDDEN_KEYS.has(key) || !Object.hasOwn(record, key)) return null;
  return fromHost(record[key]);
}

/** `value.key`: own properties of plain objects, `length` of lists; everything else is null. */
export function getMember(value: Value, key: string): Value {
  if (Array.isArray(value)) return key === "length" ? value.length : null;
  return isPlainObject(value) ? readOwn(value, key) : null;
}

/** `value[index]`: list positions (negative counts from the end) and object keys. */
export function getIndex(value: Value, index: Value): Value {
  if (Array.isArray(value)) {
    if (typeof index !== "number" || !Number.isInteger(index)) return null;
    const i = index < 0 ? value.length + index : index;
    return i >= 0 && i < value.length ? fromHost(value[i]) : null;
  }
  if (isPlainObject(value) && typeof index === "string") return readOwn(value, index);
  return null;
}

/** JavaScript truthiness, except that an empty list is false. */
export function isTruthy(v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return Boolean(v);
}

/** Strict equality of values, deep for lists and objects. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => Object.hasOwn(b, k) && valuesEqual(a[k], b[k]));
  }
  return false;
}

/** A number as people read it: no trailing zeros, no floating-point noise (0.1 + 0.2 is "0.3"). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (Number.isInteger(n) || Math.abs(n) >= 1e15) return String(n);
  return String(Math.round(n * 1e6) / 1e6);
}

/** The text of a value, for string() and `+` concatenation: null is "", lists join with ", ". */
export function toText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return v.map(toText).join(", ");
  return isPlainObject(v) ? JSON.stringify(v) : "";
}

/**
 * The text of a value for speech: booleans are "yes"/"no", lists read "a, b and c", objects
 * and missing values say nothing.
 */
export function toSpeech(v: unknown): string {
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return joinForSpeech(v.map(toSpeech).filter((s) => s !== ""));
  if (isPlainObject(v)) return "";
  return toText(v);
}

export function joinForSpeech(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}

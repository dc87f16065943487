/**
 * The whitelist of functions expressions may call. Each is pure and total: wrong or missing
 * arguments give null (or an empty string / false), never an exception.
 */
import { addDays, nowTime, spokenDate, spokenTime, today, weekday } from "./builtin-dates";
import type { ExpressionType, ParamType } from "./types";
import { fromHost, isPlainObject, toText, valuesEqual, type Scope, type Value } from "./values";

export interface BuiltinFunction {
  readonly name: string;
  /** Types of the positional parameters. */
  readonly params: readonly ParamType[];
  /** How many of `params` are required; the rest are optional. */
  readonly required: number;
  /** Type of any further arguments, for variadic functions. */
  readonly rest?: ParamType;
  /** The result type, or how to derive it from the argument types. */
  readonly returns: ExpressionType | ((args: readonly ExpressionType[]) => ExpressionType);
  /** One line for autocompletion and error messages. */
  readonly signature: string;
  readonly call: (args: readonly Value[], scope: Scope) => Value;
}

const str = (v: Value | undefined): string => toText(v ?? null);
const num = (v: Value | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const finite = (n: number): Value => (Number.isFinite(n) ? n : null);

/** A one-number function that gives null for anything that is not a number. */
const onNumber =
  (f: (n: number) => number) =>
  ([x]: readonly Value[]): Value => {
    const n = num(x);
    return n === null ? null : finite(f(n));
  };

/** Numbers of the arguments, or of the one list argument: min(a, b) and min(list) both work. */
function numbersOf(args: readonly Value[]): number[] {
  const [first] = args;
  const items: readonly unknown[] = args.length === 1 && Array.isArray(first) ? first : args;
  return items.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

/** Rounds half away from zero, via the decimal exponent so 1.005 rounds to 1.01. */
function round(x: number, digits: number): number {
  const d = Math.min(10, Math.max(0, Math.trunc(digits)));
  const rounded = Number(`${Math.round(Number(`${Math.abs(x)}e${d}`))}e-${d}`);
  return Math.sign(x) * rounded;
}

function toNumber(v: Value | undefined): Value {
  if (typeof v === "number") return finite(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v !== "string" || v.trim() === "") return null;
  return finite(Number(v.trim()));
}

function contains(haystack: Value | undefined, needle: Value | undefined): boolean {
  if (Array.isArray(haystack)) return haystack.some((item) => valuesEqual(item, needle ?? null));
  if (typeof haystack === "string") return haystack.includes(str(needle));
  return false;
}

function len(v: Value | undefined): number {
  if (typeof v === "string" || Array.isArray(v)) return v.length;
  return isPlainObject(v) ? Object.keys(v).length : 0;
}

const defs: readonly BuiltinFunction[] = [
  { name: "len", params: ["collection"], required: 1, returns: "integer", signature: "len(textOrList)", call: ([v]) => len(v) },
  { name: "lower", params: ["text"], required: 1, returns: "string", signature: "lower(text)", call: ([v]) => str(v).toLowerCase() },
  { name: "upper", params: ["text"], required: 1, returns: "string", signature: "upper(text)", call: ([v]) => str(v).toUpperCase() },
  { name: "trim", params: ["text"], required: 1, returns: "string", signature: "trim(text)", call: ([v]) => str(v).trim() },
  {
    name: "contains", params: ["collection", "any"], required: 2, returns: "boolean",
    signature: "contains(haystack, needle)", call: ([h, n]) => contains(h, n),
  },
  {
    name: "startsWith", params: ["text", "text"], required: 2, returns: "boolean",
    signature: "startsWith(text, prefix)", call: ([s, p]) => typeof s === "string" && s.startsWith(str(p)),
  },
  {
    name: "endsWith", params: ["text", "text"], required: 2, returns: "boolean",
    signature: "endsWith(text, suffix)", call: ([s, p]) => typeof s === "string" && s.endsWith(str(p)),
  },
  {
    name: "round", params: ["number", "number"], required: 1, returns: "number", signature: "round(number, digits?)",
    call: ([x, d]) => {
      const n = num(x);
      return n === null ? null : round(n, num(d) ?? 0);
    },
  },
  { name: "floor", params: ["number"], required: 1, returns: "integer", signature: "floor(number)", call: onNumber(Math.floor) },
  { name: "ceil", params: ["number"], required: 1, returns: "integer", signature: "ceil(number)", call: onNumber(Math.ceil) },
  { name: "abs", params: ["number"], required: 1, returns: "number", signature: "abs(number)", call: onNumber(Math.abs) },
  {
    name: "min", params: ["any"], required: 1, rest: "any", returns: "number", signature: "min(a, b, ...) or min(list)",
    call: (args) => {
      const ns = numbersOf(args);
      return ns.length ? Math.min(...ns) : null;
    },
  },
  {
    name: "max", params: ["any"], required: 1, rest: "any", returns: "number", signature: "max(a, b, ...) or max(list)",
    call: (args) => {
      const ns = numbersOf(args);
      return ns.length ? Math.max(...ns) : null;
    },
  },
  { name: "number", params: ["any"], required: 1, returns: "number", signature: "number(value)", call: ([v]) => toNumber(v) },
  { name: "string", params: ["any"], required: 1, returns: "string", signature: "string(value)", call: ([v]) => str(v) },
  {
    name: "default", params: ["any", "any"], required: 2, signature: "default(value, fallback)",
    returns: ([a = "unknown", b = "unknown"]) => (a === "null" ? b : a === b || b === "null" ? a : "unknown"),
    // An empty string counts as missing too: slots are often filled with "".
    call: ([v, fallback]) => (v === null || v === undefined || v === "" ? fromHost(fallback) : v),
  },
  { name: "today", params: [], required: 0, returns: "date", signature: "today()", call: (_, scope) => today(scope.now) },
  { name: "now", params: [], required: 0, returns: "time", signature: "now()", call: (_, scope) => nowTime(scope.now) },
  {
    name: "addDays", params: ["date", "number"], required: 2, returns: "date",
    signature: "addDays(isoDate, days)", call: ([d, n]) => addDays(d ?? null, n ?? null),
  },
  { name: "weekday", params: ["date"], required: 1, returns: "string", signature: "weekday(isoDate)", call: ([d]) => weekday(d ?? null) },
  { name: "spokenDate", params: ["date"], required: 1, returns: "string", signature: "spokenDate(isoDate)", call: ([d]) => spokenDate(d ?? null) },
  { name: "spokenTime", params: ["time"], required: 1, returns: "string", signature: "spokenTime(time)", call: ([t]) => spokenTime(t ?? null) },
  {
    name: "join", params: ["list", "text"], required: 1, returns: "string", signature: "join(list, separator?)",
    call: ([list, sep]) => (Array.isArray(list) ? list.map(toText).join(sep === undefined || sep === null ? ", " : str(sep)) : str(list)),
  },
  {
    name: "plural", params: ["number", "text", "text"], required: 3, returns: "string",
    signature: 'plural(count, "person", "people")', call: ([n, one, many]) => (n === 1 ? str(one) : str(many)),
  },
];

export const BUILTINS: ReadonlyMap<string, BuiltinFunction> = new Map(defs.map((d) => [d.name, d]));

/** The names of the functions expressions may call. */
export const BUILTIN_FUNCTIONS: readonly string[] = defs.map((d) => d.name);

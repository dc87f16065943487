/** Static types of expressions and the compatibility rules the checker and built-ins share. */
import type { ValueType } from "../schema/primitives";

/** A variable's declared type, `null` for the null literal, `unknown` when it cannot be known. */
export type ExpressionType = ValueType | "null" | "unknown";

/** What a built-in function's parameter accepts. */
export type ParamType = "any" | "text" | "number" | "list" | "date" | "time" | "collection";

const TEXTUAL: ReadonlySet<ExpressionType> = new Set(["string", "email", "phone", "date", "time"]);

/** Types whose values may be anything at run time: never a mismatch. */
export const isOpen = (t: ExpressionType): boolean => t === "any" || t === "unknown" || t === "null";
export const isNumeric = (t: ExpressionType): boolean => t === "number" || t === "integer";
export const isTextual = (t: ExpressionType): boolean => TEXTUAL.has(t);

export function accepts(param: ParamType, t: ExpressionType): boolean {
  if (param === "any" || isOpen(t)) return true;
  switch (param) {
    case "text":
      return isTextual(t);
    case "number":
      return isNumeric(t);
    case "list":
      return t === "list";
    // ISO dates and times are often held in plain strings.
    case "date":
      return t === "date" || t === "string";
    case "time":
      return t === "time" || t === "string";
    case "collection":
      return isTextual(t) || t === "list" || t === "object";
  }
}

const PARAM_WORDS: Readonly<Record<ParamType, string>> = {
  any: "any value",
  text: "text",
  number: "a number",
  list: "a list",
  date: 'an ISO date ("2026-11-27")',
  time: 'a time ("19:30")',
  collection: "text, a list or an object",
};

export const describeParam = (p: ParamType): string => PARAM_WORDS[p];

/** "a number", "an email", "null", for messages. */
export function describeType(t: ExpressionType): string {
  if (t === "null" || t === "unknown" || t === "any") return t === "any" ? "any value" : t;
  return `${/^[aeiou]/.test(t) ? "an" : "a"} ${t}`;
}

/** The type of a value that is either `a` or `b` (branches of `?:`, `||`, `??`). */
export function unionType(a: ExpressionType, b: ExpressionType): ExpressionType {
  if (a === b) return a;
  if (a === "null") return b;
  if (b === "null") return a;
  if (isNumeric(a) && isNumeric(b)) return "number";
  return "unknown";
}

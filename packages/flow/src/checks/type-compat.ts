import type { ValueType } from "../schema";
import type { ExpressionType } from "../expressions";

const TEXTUAL = new Set<string>(["string", "email", "phone", "date", "time"]);
const NUMERIC = new Set<string>(["number", "integer"]);

/**
 * Whether a value of static type `from` may be stored in a variable of type `to`. Lenient where
 * the checker cannot know better: numbers and integers mix (`n + 1` is a number), and text
 * types mix (ISO dates and phone numbers are written as string literals).
 */
export function isAssignable(from: ExpressionType, to: ValueType): boolean {
  if (to === "any" || from === "any" || from === "unknown" || from === "null" || from === to) return true;
  if (NUMERIC.has(from) && NUMERIC.has(to)) return true;
  return TEXTUAL.has(from) && TEXTUAL.has(to);
}

/** Types a condition may have: booleans, and types only known at run time. */
export function isBooleanish(t: ExpressionType): boolean {
  return t === "boolean" || t === "any" || t === "unknown" || t === "null";
}

/** "an integer", "a string", for messages. */
export function withArticle(t: string): string {
  return `${/^[aeiou]/.test(t) ? "an" : "a"} ${t}`;
}

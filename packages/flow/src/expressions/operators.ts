/** The binary operators at run time. Total: operands of the wrong kind give null or false. */
import type { BinaryOperator } from "./ast";
import { isPlainObject, toText, valuesEqual, type Value } from "./values";

const finite = (n: number): Value => (Number.isFinite(n) ? n : null);

function add(a: Value, b: Value): Value {
  if (typeof a === "number" && typeof b === "number") return finite(a + b);
  if (typeof a === "string" || typeof b === "string") return toText(a) + toText(b);
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  return null;
}

function arithmetic(op: "-" | "*" | "/" | "%", a: Value, b: Value): Value {
  if (typeof a !== "number" || typeof b !== "number") return null;
  switch (op) {
    case "-":
      return finite(a - b);
    case "*":
      return finite(a * b);
    case "/":
      return b === 0 ? null : finite(a / b);
    case "%":
      return b === 0 ? null : finite(a % b);
  }
}

/** Numbers compare numerically and strings by code unit, which orders ISO dates and times. */
function compare(op: "<" | "<=" | ">" | ">=", a: Value, b: Value): boolean {
  const comparable = (typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string");
  if (!comparable) return false;
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}

/** `needle in haystack`: an item of a list, a substring of text, or a key of an object. */
function isIn(needle: Value, haystack: Value): boolean {
  if (Array.isArray(haystack)) return haystack.some((item) => valuesEqual(item, needle));
  if (typeof haystack === "string") return typeof needle === "string" && haystack.includes(needle);
  if (isPlainObject(haystack) && typeof needle === "string") return Object.hasOwn(haystack, needle);
  return false;
}

export function applyBinary(op: BinaryOperator, a: Value, b: Value): Value {
  switch (op) {
    case "+":
      return add(a, b);
    case "-":
    case "*":
    case "/":
    case "%":
      return arithmetic(op, a, b);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return compare(op, a, b);
    case "==":
      return valuesEqual(a, b);
    case "!=":
      return !valuesEqual(a, b);
    case "in":
      return isIn(a, b);
  }
}

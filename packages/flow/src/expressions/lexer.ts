/**
 * Turns expression source into tokens. Works on a slice [from, to) of a larger string so that a
 * template's `{{ }}` expressions keep offsets relative to the whole template.
 */
import { expressionError, type ExpressionError } from "./errors";

export type TokenKind = "number" | "string" | "identifier" | "keyword" | "punct" | "end";

export interface Token {
  readonly kind: TokenKind;
  /** The operator, keyword or name as written; for strings and numbers the raw source. */
  readonly text: string;
  /** Decoded value of string and number tokens. */
  readonly value: string | number | null;
  readonly start: number;
  readonly end: number;
}

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; error: ExpressionError };

const KEYWORDS = new Set(["true", "false", "null", "and", "or", "not", "in"]);
const TWO_CHAR = new Set(["&&", "||", "??", "==", "!=", "<=", ">="]);
const ONE_CHAR = new Set(["+", "-", "*", "/", "%", "<", ">", "!", "(", ")", "[", "]", ",", ".", "?", ":"]);
const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0" };

/** Operators from other languages, with the hint that fixes them. */
const MISTAKES: ReadonlyArray<readonly [string, string]> = [
  ["===", '"===" is not needed: "==" already compares strictly'],
  ["!==", '"!==" is not needed: "!=" already compares strictly'],
  ["=", 'unexpected "=": use "==" to compare (expressions cannot assign)'],
  ["&", 'unexpected "&": use "&&" (or "and")'],
  ["|", 'unexpected "|": use "||" (or "or")'],
];

const isDigit = (c: string): boolean => c >= "0" && c <= "9";
const isIdentStart = (c: string): boolean => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
const isIdentPart = (c: string): boolean => isIdentStart(c) || isDigit(c);

export function tokenize(source: string, from = 0, to = source.length): TokenizeResult {
  const tokens: Token[] = [];
  let i = from;
  const fail = (message: string, at: number): TokenizeResult => ({ ok: false, error: expressionError("expr/syntax", message, at) });

  while (i < to) {
    const c = source[i] ?? "";
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (i < to && isDigit(source[i] ?? "")) i++;
      if (source[i] === "." && i + 1 < to && isDigit(source[i + 1] ?? "")) {
        i++;
        while (i < to && isDigit(source[i] ?? "")) i++;
      }
      if (i < to && isIdentPart(source[i] ?? "")) return fail(`invalid number "${source.slice(start, i + 1)}": a name cannot start with a digit`, start);
      const text = source.slice(start, i);
      tokens.push({ kind: "number", text, value: Number(text), start, end: i });
      continue;
    }
    if (isIdentStart(c)) {
      while (i < to && isIdentPart(source[i] ?? "")) i++;
      const text = source.slice(start, i);
      tokens.push({ kind: KEYWORDS.has(text) ? "keyword" : "identifier", text, value: null, start, end: i });
      continue;
    }
    if (c === '"' || c === "'") {
      let value = "";
      i++;
      for (;;) {
        if (i >= to) return fail(`unterminated string opened at column ${start + 1}: close it with ${c}`, start);
        const d = source[i] ?? "";
        if (d === c) break;
        if (d !== "\\") {
          value += d;
          i++;
          continue;
        }
        const e = source[i + 1] ?? "";
        const simple = ESCAPES[e];
        if (simple !== undefined && i + 1 < to) {
          value += simple;
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, Math.min(i + 6, to)))) {
          value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          return fail(`unknown escape "\\${e}" in a string: use \\\\ for a backslash, \\${c} for a quote, \\n, \\t or \\uXXXX`, i);
        }
      }
      i++;
      tokens.push({ kind: "string", text: source.slice(start, i), value, start, end: i });
      continue;
    }
    const mistake = MISTAKES.find(([op]) => source.startsWith(op, i) && i + op.length <= to);
    const two = source.slice(i, Math.min(i + 2, to));
    if (mistake && !(mistake[0].length === 1 && TWO_CHAR.has(two))) return fail(mistake[1], start);
    if (TWO_CHAR.has(two)) {
      tokens.push({ kind: "punct", text: two, value: null, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (ONE_CHAR.has(c)) {
      tokens.push({ kind: "punct", text: c, value: null, start, end: i + 1 });
      i++;
      continue;
    }
    return fail(`unexpected character "${c}"`, start);
  }
  tokens.push({ kind: "end", text: "", value: null, start: to, end: to });
  return { ok: true, tokens };
}

import { toTokens } from "./normalize-text";
import type { Mention } from "./parse-number";

const DIGIT_WORDS = new Map<string, string>([
  ["zero", "0"], ["oh", "0"], ["o", "0"], ["one", "1"], ["two", "2"], ["three", "3"], ["four", "4"],
  ["five", "5"], ["six", "6"], ["seven", "7"], ["eight", "8"], ["nine", "9"],
]);
const REPEATS = new Map([["double", 2], ["triple", 3]]);

/** Fewest and most digits in a phone number (E.164 allows 15). */
export const PHONE_MIN_DIGITS = 7;
export const PHONE_MAX_DIGITS = 15;

/**
 * Phone numbers: runs of digit groups and spoken digits ("+1 555-123-4567",
 * "five five five one two three four", "double five"). The value is the digits, with a leading
 * "+" when one was written.
 */
export function findPhones(tokens: readonly string[], used?: readonly boolean[]): Mention<string>[] {
  const found: Mention<string>[] = [];
  let i = 0;
  while (i < tokens.length) {
    let digits = "";
    let j = i;
    const plus = tokens[i]?.startsWith("+") ?? false;
    while (j < tokens.length && !used?.[j]) {
      const t = tokens[j] ?? "";
      const word = DIGIT_WORDS.get(t);
      const repeat = REPEATS.get(t);
      const next = repeat === undefined ? undefined : DIGIT_WORDS.get(tokens[j + 1] ?? "");
      if (isDigitGroup(t) && (j === i || !t.startsWith("+"))) digits += t.replace(/\D/g, "");
      else if (word !== undefined && (t !== "o" || j > i)) digits += word;
      else if (repeat !== undefined && next !== undefined) {
        digits += next.repeat(repeat);
        j++;
      } else break;
      j++;
    }
    if (digits.length >= PHONE_MIN_DIGITS && digits.length <= PHONE_MAX_DIGITS) {
      found.push({ start: i, end: j, value: `${plus ? "+" : ""}${digits}` });
    }
    i = Math.max(j, i + 1);
  }
  return found;
}

/** "555-123", "+1", "4567": an optional "+", a digit, then digits, dots and dashes. */
export function isDigitGroup(token: string): boolean {
  let k = token.startsWith("+") ? 1 : 0;
  if (!isDigitCode(token.charCodeAt(k))) return false;
  for (k++; k < token.length; k++) {
    const c = token.charCodeAt(k);
    if (!isDigitCode(c) && c !== 46 && c !== 45) return false;
  }
  return true;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The last phone number in the text, or null. */
export function parsePhone(text: string): string | null {
  return findPhones(toTokens(text)).at(-1)?.value ?? null;
}

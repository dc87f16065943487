import { startsWithDigit } from "./has-digit";
import { toTokens } from "./normalize-text";
import { anyUsed } from "./used-tokens";
import { TENS_WORDS, UNIT_WORDS } from "./word-lists";

/** A value found in a token range [start, end). */
export interface Mention<T> {
  start: number;
  end: number;
  value: T;
}

const UNITS = new Map(UNIT_WORDS.map((w, i) => [w, i]));
const TENS = new Map(TENS_WORDS.map((w, i) => [w, i * 10] as const).filter(([w]) => w !== ""));
/** Words that stand for a number on their own ("a dozen", "a couple of"). */
const COLLECTIVES = new Map([
  ["dozen", 12],
  ["couple", 2],
  ["pair", 2],
]);
const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
/** Words a number can start with; any other word that is not digits is no number. */
const NUMBER_LEADS: ReadonlySet<string> = new Set([...UNITS.keys(), ...TENS.keys(), ...COLLECTIVES.keys(), "hundred", "thousand", "a", "half"]);

/** Whether a number can start at this token: readNumberAt is null wherever this is false. */
export function mayStartNumber(token: string): boolean {
  return startsWithDigit(token) || NUMBER_LEADS.has(token);
}

/** Reads "12", "3.5", "1,000", "twenty-five", "one hundred and five", "two point five", "a dozen", "two and a half" at `i`. */
export function readNumberAt(tokens: readonly string[], i: number): Mention<number> | null {
  const first = tokens[i];
  if (first === undefined) return null;
  if (startsWithDigit(first)) {
    return DIGITS.test(first) ? withHalf(tokens, { start: i, end: i + 1, value: Number(first.includes(",") ? first.replace(/,/g, "") : first) }) : null;
  }
  if (!NUMBER_LEADS.has(first)) return null;
  // "a dozen", "half a dozen", "a couple (of)"
  if (first === "half" && tokens[i + 1] === "a" && tokens[i + 2] === "dozen") return { start: i, end: i + 3, value: 6 };
  const collective = COLLECTIVES.get(first === "a" ? (tokens[i + 1] ?? "") : first);
  if (collective !== undefined) {
    const end = first === "a" ? i + 2 : i + 1;
    return { start: i, end: tokens[end] === "of" ? end + 1 : end, value: collective };
  }
  const words = readNumberWords(tokens, i);
  return words ? withHalf(tokens, words) : null;
}

function readNumberWords(tokens: readonly string[], start: number): Mention<number> | null {
  let i = start;
  // "a hundred"
  if (tokens[i] === "a" && (tokens[i + 1] === "hundred" || tokens[i + 1] === "thousand")) i++;
  let total = 0;
  let group = 0;
  let end = -1;
  for (; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    const unit = UNITS.get(t);
    const ten = TENS.get(t);
    if (unit !== undefined) {
      if (end === i && group % 10 !== 0 && group < 100) break; // "two three" is two numbers
      if (end === i && group % 100 !== 0 && group >= 100 && group % 10 !== 0) break;
      group += unit;
    } else if (ten !== undefined) {
      if (end === i && group % 100 !== 0) break;
      group += ten;
    } else if (t === "hundred") {
      group = (group || 1) * 100;
    } else if (t === "thousand") {
      total += (group || 1) * 1000;
      group = 0;
    } else if (t === "and" && end === i && (UNITS.has(tokens[i + 1] ?? "") || TENS.has(tokens[i + 1] ?? "")) && group >= 100) {
      end = i + 1;
      continue;
    } else break;
    end = i + 1;
  }
  if (end < 0) return null;
  let value = total + group;
  // "two point five"
  if (tokens[end] === "point") {
    let decimals = "";
    let j = end + 1;
    for (; j < tokens.length; j++) {
      const d = UNITS.get(tokens[j] ?? "");
      if (d === undefined || d > 9) break;
      decimals += String(d);
    }
    if (decimals) {
      value = Number(`${value}.${decimals}`);
      end = j;
    }
  }
  return { start, end, value };
}

/** "two and a half" → 2.5 */
function withHalf(tokens: readonly string[], m: Mention<number>): Mention<number> {
  if (tokens[m.end] === "and" && tokens[m.end + 1] === "a" && tokens[m.end + 2] === "half") {
    return { start: m.start, end: m.end + 3, value: m.value + 0.5 };
  }
  return m;
}

/** Words after which a lone "one" is a count ("for one", "just one"), not a pronoun ("the outside one"). */
const ONE_LEADS = new Set(["for", "just", "only", "be", "is", "are", "of", "about", "around", "maybe", "and", "or", "it", "make", "um", "uh", "no", "yes", "actually"]);

/** Every number in the tokens, left to right, skipping tokens marked as used. */
export function findNumbers(tokens: readonly string[], used?: readonly boolean[]): Mention<number>[] {
  const found: Mention<number>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used?.[i]) continue;
    const m = readNumberAt(tokens, i);
    if (!m) continue;
    if (m.end === i + 1 && tokens[i] === "one" && i > 0 && !ONE_LEADS.has(tokens[i - 1] ?? "")) continue;
    let end = m.end;
    while (end > m.start && anyUsed(used, m.start, end)) end--;
    if (end > m.start) {
      found.push(end === m.end ? m : { ...m, end });
      i = end - 1;
    }
  }
  return found;
}

/** The last number in a text (later numbers are corrections: "four, no, five"), or null. */
export function parseNumber(text: string): number | null {
  return findNumbers(toTokens(text)).at(-1)?.value ?? null;
}

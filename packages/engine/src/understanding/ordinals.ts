import { startsWithDigit } from "./has-digit";
import { readNumberAt, type Mention } from "./parse-number";

const ORDINAL_UNITS: readonly string[] = [
  "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
];
const ORDINALS = new Map<string, number>(ORDINAL_UNITS.map((w, i) => [w, i] as const).filter(([w]) => w !== ""));
ORDINALS.set("twentieth", 20);
ORDINALS.set("thirtieth", 30);

/** Whether the word is an ordinal ("third", "twentieth"). */
export function isOrdinalWord(token: string): boolean {
  return ORDINALS.has(token);
}

/** Reads "3rd", "third", "twenty first" at `i`. */
export function readOrdinalAt(tokens: readonly string[], i: number): Mention<number> | null {
  const t = tokens[i];
  if (t === undefined) return null;
  if (startsWithDigit(t)) {
    const digits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(t);
    return digits ? { start: i, end: i + 1, value: Number(digits[1]) } : null;
  }
  const word = ORDINALS.get(t);
  if (word !== undefined) return { start: i, end: i + 1, value: word };
  if ((t === "twenty" || t === "thirty") && tokens[i + 1] !== undefined) {
    const unit = ORDINALS.get(tokens[i + 1] ?? "");
    if (unit !== undefined && unit < 10) return { start: i, end: i + 2, value: (t === "twenty" ? 20 : 30) + unit };
  }
  return null;
}

/** A day of the month, as an ordinal or a cardinal 1..31 ("3rd", "third", "3", "three"). */
export function readDayOfMonthAt(tokens: readonly string[], i: number): Mention<number> | null {
  const m = readOrdinalAt(tokens, i) ?? readNumberAt(tokens, i);
  return m && Number.isInteger(m.value) && m.value >= 1 && m.value <= 31 ? m : null;
}

import { isFuzzyTokenMatch } from "./damerau-levenshtein";
import { isOrdinalWord } from "./ordinals";
import { mayStartNumber } from "./parse-number";
import { MONTHS, WEEKDAYS } from "./word-lists";

/** What one word says about a date. */
interface DateWord {
  /** 0 = Sunday … 6 = Saturday, -1 for none. */
  weekday: number;
  /** 1..12, or undefined. */
  month: number | undefined;
  /** "tomorrow" misspelt or shortened ("tmrw", "tomorow"). */
  tomorrowLike: boolean;
  /** Whether a date expression can start at this word (readDateAt is null wherever this is false). */
  mayStartDate: boolean;
}

/** Words readDateAt looks for at the start of a date, besides numbers, ordinals, weekdays, months and "tomorrow". */
const DATE_LEAD_WORDS: ReadonlySet<string> = new Set(["today", "tonight", "yesterday", "day", "the", "tomorrow", "this", "next", "weekend", "in", "coming", "last", "past"]);

const MONTH_ABBREVIATIONS = new Map<string, number>([
  ...MONTHS.map((m, i) => [m, i + 1] as const),
  ...["jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((m, i) => [m, i + 1] as const),
  ["sept", 9],
]);
MONTH_ABBREVIATIONS.delete("");

const seen = new Map<string, DateWord>();

/** Remembered per word (the same few hundred words come back every turn; one lookup answers all three questions). Bounded. */
function dateWord(token: string): DateWord {
  let word = seen.get(token);
  if (!word) {
    const weekday = weekdayOfWord(token);
    const month = monthOfWord(token);
    const tomorrowLike = isTomorrowLike(token);
    const mayStartDate = DATE_LEAD_WORDS.has(token) || mayStartNumber(token) || isOrdinalWord(token) || weekday >= 0 || month !== undefined || tomorrowLike;
    word = { weekday, month, tomorrowLike, mayStartDate };
    if (seen.size > 5_000) seen.clear();
    seen.set(token, word);
  }
  return word;
}

/** "wednsday" → 3; only whole-word fuzzy matches of 6+ letters, so "sun" or "sat" are not days. */
function weekdayOfWord(token: string): number {
  const exact = WEEKDAYS.indexOf(token);
  if (exact >= 0) return exact;
  if (token.length < 6) return -1;
  return WEEKDAYS.findIndex((d) => isFuzzyTokenMatch(token, d));
}

function monthOfWord(token: string): number | undefined {
  return MONTH_ABBREVIATIONS.get(token) ?? (token.length >= 5 ? MONTHS.findIndex((m) => isFuzzyTokenMatch(token, m)) + 1 || undefined : undefined);
}

function isTomorrowLike(token: string): boolean {
  return token === "tmrw" || token === "tmr" || (token.length >= 6 && isFuzzyTokenMatch(token, "tomorrow"));
}

/** The weekday a word names (0 = Sunday), typos allowed from 6 letters; -1 for none. */
export function weekdayIndex(token: string): number {
  return dateWord(token).weekday;
}

/** The month (1..12) a word names, abbreviations and typos allowed; undefined for none. */
export function monthIndex(token: string | undefined): number | undefined {
  return token === undefined ? undefined : dateWord(token).month;
}

/** Whether a date expression can start at this word ("the", "next", "3", "friday", "dec", ...). */
export function mayStartDate(token: string): boolean {
  return dateWord(token).mayStartDate;
}

/** "tomorrow", "tmrw", "tomorow". */
export function isTomorrow(token: string | undefined): boolean {
  return token === "tomorrow" || (token !== undefined && dateWord(token).tomorrowLike);
}

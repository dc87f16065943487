import { startsWithDigit } from "./has-digit";
import { toTokens } from "./normalize-text";
import { mayStartNumber, readNumberAt, type Mention } from "./parse-number";
import { anyUsed } from "./used-tokens";

export interface TimeOptions {
  /**
   * Hours that mean the afternoon when said without am/pm or a part of the day ("at 5" → 17:00).
   * Default 1–6: for bookings nobody means 5 in the morning. Other bare hours are read as said.
   */
  bareHoursAsPm?: readonly number[];
}

const DEFAULT_PM_HOURS: readonly number[] = [1, 2, 3, 4, 5, 6];
const PM_WORDS = new Set(["pm", "evening", "afternoon", "night", "tonight", "dinner", "supper"]);
const AM_WORDS = new Set(["am", "morning", "breakfast"]);
const CUE_WORDS = new Set(["at", "around", "by", "about", "for"]);
/** Words that make a number a count, not an hour: "about 4 people", "around 3 of us". */
const COUNT_NOUNS = new Set(
  "people person persons guest guests adult adults kid kids child children of us seat seats table tables room rooms night nights day days week weeks hour hours minute minutes".split(" "),
);

/** Words readTimeAt looks for at the start of a time, besides numbers. */
const TIME_LEADS: ReadonlySet<string> = new Set(["noon", "midday", "midnight", "half", "quarter", "a", "oh", "o", ...CUE_WORDS]);

interface ClockTime {
  hour: number;
  minute: number;
  /** Whether am/pm was settled by the words right by the time. */
  meridiem: "am" | "pm" | null;
}

function readMinutesAt(tokens: readonly string[], i: number): Mention<number> | null {
  const t = tokens[i];
  if (t === undefined) return null;
  if (t.length === 2 && startsWithDigit(t) && startsWithDigit(t.charAt(1))) return Number(t) < 60 ? { start: i, end: i + 1, value: Number(t) } : null;
  if (t === "oh" || t === "o") {
    const n = readNumberAt(tokens, i + 1);
    return n && Number.isInteger(n.value) && n.value < 10 ? { start: i, end: n.end, value: n.value } : null;
  }
  if (startsWithDigit(t)) return null;
  const n = readNumberAt(tokens, i);
  return n && Number.isInteger(n.value) && n.value >= 10 && n.value < 60 ? n : null;
}

function readHourAt(tokens: readonly string[], i: number): Mention<number> | null {
  const n = readNumberAt(tokens, i);
  if (!n || tokens[i] === "a" || !Number.isInteger(n.value) || n.value < 0 || n.value > 24) return null;
  return n;
}

/** am/pm or "in the evening" right after a time: returns the meridiem and the end index. */
function readMeridiemAt(tokens: readonly string[], i: number): { meridiem: "am" | "pm"; end: number } | null {
  const t = tokens[i];
  if (t === "pm") return { meridiem: "pm", end: i + 1 };
  if (t === "am") return { meridiem: "am", end: i + 1 };
  const phrase = t === "in" && tokens[i + 1] === "the" ? tokens[i + 2] : t === "at" || t === "this" ? tokens[i + 1] : undefined;
  const end = t === "in" ? i + 3 : i + 2;
  if (phrase === undefined) return null;
  if (phrase === "morning") return { meridiem: "am", end };
  if (phrase === "afternoon" || phrase === "evening" || phrase === "night") return { meridiem: "pm", end };
  return null;
}

/** Reads a clock time at `i`. Without a cue (am/pm, minutes, "at", "o'clock") only if `allowBare`. */
export function readTimeAt(tokens: readonly string[], i: number, allowBare: boolean): Mention<ClockTime> | null {
  const t = tokens[i] ?? "";
  if (!TIME_LEADS.has(t) && !mayStartNumber(t)) return null;
  if (t === "noon" || t === "midday") return { start: i, end: i + 1, value: { hour: 12, minute: 0, meridiem: "pm" } };
  if (t === "midnight") return { start: i, end: i + 1, value: { hour: 0, minute: 0, meridiem: "am" } };
  if (CUE_WORDS.has(t)) {
    const inner = readTimeAt(tokens, i + 1, t !== "for");
    return inner ? { ...inner, start: i } : null;
  }
  // "half past seven", "quarter to eight", "twenty past 7"
  const offset = t === "half" ? { end: i + 1, value: 30 } : t === "quarter" ? { end: i + 1, value: 15 } : t === "a" && tokens[i + 1] === "quarter" ? { end: i + 2, value: 15 } : readMinutesAt(tokens, i);
  if (offset && (tokens[offset.end] === "past" || tokens[offset.end] === "to" || tokens[offset.end] === "after" || tokens[offset.end] === "before")) {
    const hour = readHourAt(tokens, offset.end + 1);
    if (hour && hour.value >= 1 && hour.value <= 12) {
      const past = tokens[offset.end] === "past" || tokens[offset.end] === "after";
      const total = (hour.value * 60 + (past ? offset.value : -offset.value) + 1440) % 1440;
      const mer = readMeridiemAt(tokens, hour.end);
      return { start: i, end: mer?.end ?? hour.end, value: { hour: Math.floor(total / 60), minute: total % 60, meridiem: mer?.meridiem ?? null } };
    }
  }
  const colon = startsWithDigit(t) ? /^(\d{1,2}):(\d{2})$/.exec(t) : null;
  let clock: Mention<ClockTime> | null = null;
  let cued = false;
  if (colon) {
    const [hour, minute] = [Number(colon[1]), Number(colon[2])];
    if (hour > 24 || minute > 59) return null;
    clock = { start: i, end: i + 1, value: { hour, minute, meridiem: null } };
    cued = true;
  } else {
    const hour = readHourAt(tokens, i);
    if (!hour) return null;
    const minutes = hour.value <= 12 ? readMinutesAt(tokens, hour.end) : null;
    clock = { start: i, end: minutes?.end ?? hour.end, value: { hour: hour.value, minute: minutes?.value ?? 0, meridiem: null } };
    cued = minutes !== null;
    if (tokens[clock.end] === "oclock") {
      clock.end++;
      cued = true;
    }
  }
  const mer = readMeridiemAt(tokens, clock.end);
  if (mer && clock.value.hour <= 12) return { ...clock, end: mer.end, value: { ...clock.value, meridiem: mer.meridiem } };
  // "8 tonight": "tonight" is left to the date reading, but it still marks a time (pm, from the hint).
  if (tokens[clock.end] === "tonight" && clock.value.hour <= 12) return { ...clock, value: { ...clock.value, meridiem: "pm" } };
  if (COUNT_NOUNS.has(tokens[clock.end] ?? "")) return null;
  return cued || allowBare ? clock : null;
}

/** Applies am/pm, the utterance's part-of-day hint, then the bare-hour rule; → "HH:MM". */
function toClockString(time: ClockTime, hint: "am" | "pm" | null, pmHours: readonly number[]): string {
  let { hour } = time;
  const meridiem = time.meridiem ?? (hour >= 1 && hour <= 12 ? hint : null);
  if (meridiem === "pm" && hour < 12) hour += 12;
  else if (meridiem === "am" && hour === 12) hour = 0;
  else if (meridiem === null && pmHours.includes(hour)) hour += 12;
  if (hour === 24) hour = 0;
  return `${String(hour).padStart(2, "0")}:${String(time.minute).padStart(2, "0")}`;
}

function partOfDayHint(tokens: readonly string[]): "am" | "pm" | null {
  for (const t of tokens) {
    if (PM_WORDS.has(t)) return "pm";
    if (AM_WORDS.has(t)) return "am";
  }
  return null;
}

/** Every time mention as "HH:MM", left to right, skipping used tokens. */
export function findTimes(tokens: readonly string[], allowBare: boolean, used?: readonly boolean[], options: TimeOptions = {}): Mention<string>[] {
  const hint = partOfDayHint(tokens);
  const pmHours = options.bareHoursAsPm ?? DEFAULT_PM_HOURS;
  const found: Mention<string>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used?.[i]) continue;
    const m = readTimeAt(tokens, i, allowBare);
    if (m && !anyUsed(used, m.start, m.end)) {
      found.push({ start: m.start, end: m.end, value: toClockString(m.value, hint, pmHours) });
      i = m.end - 1;
    }
  }
  return found;
}

/** The last time in the text as "HH:MM" (a bare number counts as an hour), or null. */
export function parseTime(text: string, options: TimeOptions = {}): string | null {
  return findTimes(toTokens(text), true, undefined, options).at(-1)?.value ?? null;
}

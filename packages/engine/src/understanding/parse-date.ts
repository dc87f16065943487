import { addDays, calendarDateOf, compareDates, isValidDate, toIsoDate, weekdayOf, type CalendarDate } from "./calendar-date";
import { isTomorrow, mayStartDate, monthIndex, weekdayIndex } from "./date-words";
import { startsWithDigit } from "./has-digit";
import { toTokens } from "./normalize-text";
import { readDayOfMonthAt, readOrdinalAt } from "./ordinals";
import { readNumberAt, type Mention } from "./parse-number";
import { anyUsed } from "./used-tokens";

export interface DateOptions {
  /** IANA zone that decides which calendar day `now` is. Default "UTC". */
  timeZone?: string;
}

/** Which way a date without a year or week points: ahead (bookings) or back (incidents, birthdays). */
export type DateDirection = "future" | "past";

/** The first date with this month and day on or after today (this year or the next); or, looking back, the last on or before today. */
function upcomingMonthDay(today: CalendarDate, month: number, day: number, year?: number, direction: DateDirection = "future"): CalendarDate | null {
  if (year !== undefined) return isValidDate(year, month, day) ? { year, month, day } : null;
  if (direction === "past") {
    for (const y of [today.year, today.year - 1, today.year - 2, today.year - 3, today.year - 4]) {
      if (isValidDate(y, month, day) && compareDates({ year: y, month, day }, today) <= 0) return { year: y, month, day };
    }
    return null;
  }
  for (const y of [today.year, today.year + 1, today.year + 2, today.year + 3, today.year + 4]) {
    if (isValidDate(y, month, day) && compareDates({ year: y, month, day }, today) >= 0) return { year: y, month, day };
  }
  return null;
}

/** The first date with this day of the month on or after today. */
function upcomingDayOfMonth(today: CalendarDate, day: number): CalendarDate | null {
  for (let k = 0; k < 12; k++) {
    const month = ((today.month - 1 + k) % 12) + 1;
    const year = today.year + Math.floor((today.month - 1 + k) / 12);
    if (isValidDate(year, month, day) && compareDates({ year, month, day }, today) >= 0) return { year, month, day };
  }
  return null;
}

/**
 * A weekday: the next such day strictly after today ("friday" said on a Friday is a week away;
 * say "today" for today). "next friday" means the Friday of next week: when the plain reading
 * falls in the current Monday–Sunday week it moves on by seven days, otherwise it is the same.
 */
/** The last such weekday strictly before today ("last monday", or "monday" when looking back). */
function recentWeekday(today: CalendarDate, weekday: number): CalendarDate {
  const back = ((weekdayOf(today) - weekday + 6) % 7) + 1;
  return addDays(today, -back);
}

function upcomingWeekday(today: CalendarDate, weekday: number, next: boolean): CalendarDate {
  const todayWeekday = weekdayOf(today);
  const ahead = ((weekday - todayWeekday + 6) % 7) + 1;
  const daysLeftInWeek = todayWeekday === 0 ? 0 : 7 - todayWeekday;
  return addDays(today, next && ahead <= daysLeftInWeek ? ahead + 7 : ahead);
}

function readYear(tokens: readonly string[], i: number): number | undefined {
  const t = tokens[i];
  return t && /^(19|20)\d\d$/.test(t) ? Number(t) : undefined;
}

function span(start: number, end: number, value: CalendarDate | null): Mention<CalendarDate> | null {
  return value ? { start, end, value } : null;
}

/** Reads one date expression at `i`, or null. */
export function readDateAt(tokens: readonly string[], i: number, today: CalendarDate, direction: DateDirection = "future"): Mention<CalendarDate> | null {
  const t = tokens[i] ?? "";
  if (!mayStartDate(t)) return null;

  if (startsWithDigit(t)) {
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    if (iso) {
      const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
      return span(i, i + 1, isValidDate(y, m, d) ? { year: y, month: m, day: d } : null);
    }
    // en-US month/day, optionally /year
    const slash = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(t);
    if (slash) {
      const year = slash[3] === undefined ? undefined : Number(slash[3].length === 2 ? `20${slash[3]}` : slash[3]);
      return span(i, i + 1, upcomingMonthDay(today, Number(slash[1]), Number(slash[2]), year, direction));
    }
  }
  if (t === "today" || t === "tonight") return span(i, i + 1, today);
  if (t === "yesterday") return span(i, i + 1, addDays(today, -1));
  if (t === "day" && tokens[i + 1] === "after" && isTomorrow(tokens[i + 2])) return span(i, i + 3, addDays(today, 2));
  if (t === "the" && tokens[i + 1] === "day" && tokens[i + 2] === "after" && isTomorrow(tokens[i + 3])) return span(i, i + 4, addDays(today, 2));
  if (isTomorrow(t)) return span(i, i + 1, addDays(today, 1));
  if ((t === "this" || t === "next") && tokens[i + 1] === "weekend") return span(i, i + 2, upcomingWeekday(today, 6, t === "next"));
  if (t === "weekend") return span(i, i + 1, upcomingWeekday(today, 6, false));

  // "in two days", "in a week", "in 3 weeks"
  if (t === "in") {
    const n = tokens[i + 1] === "a" ? { end: i + 2, value: 1 } : readNumberAt(tokens, i + 1);
    const unit = n ? tokens[n.end] : undefined;
    if (n && Number.isInteger(n.value) && (unit === "day" || unit === "days")) return span(i, n.end + 1, addDays(today, n.value));
    if (n && Number.isInteger(n.value) && (unit === "week" || unit === "weeks")) return span(i, n.end + 1, addDays(today, 7 * n.value));
  }

  // "next friday", "this friday", "last friday", "friday", "friday the 13th"
  const modifier = t === "next" || t === "this" || t === "coming" || t === "last" || t === "past" ? t : undefined;
  const dayToken = modifier ? tokens[i + 1] : t;
  const weekday = dayToken === undefined ? -1 : weekdayIndex(dayToken);
  if (weekday >= 0) {
    const after = modifier ? i + 2 : i + 1;
    const dayOfMonth = readDayOfMonthAt(tokens, tokens[after] === "the" ? after + 1 : after);
    if (dayOfMonth && (tokens[after] === "the" || readOrdinalAt(tokens, after))) {
      return span(i, dayOfMonth.end, upcomingDayOfMonth(today, dayOfMonth.value));
    }
    if (modifier === "last" || modifier === "past" || (direction === "past" && modifier === undefined)) return span(i, after, recentWeekday(today, weekday));
    return span(i, after, upcomingWeekday(today, weekday, modifier === "next"));
  }

  // "december 3", "dec 3rd", "december the third", "december 3 2027"
  const month = monthIndex(t);
  if (month !== undefined) {
    const dayAt = tokens[i + 1] === "the" ? i + 2 : i + 1;
    const day = readDayOfMonthAt(tokens, dayAt);
    if (day) {
      const year = readYear(tokens, day.end);
      return span(i, year === undefined ? day.end : day.end + 1, upcomingMonthDay(today, month, day.value, year, direction));
    }
    return null;
  }

  // "3 december", "the 3rd of december", "on the third", "3rd"
  const start = t === "the" ? i + 1 : i;
  const ordinal = readOrdinalAt(tokens, start);
  const day = ordinal ?? readDayOfMonthAt(tokens, start);
  if (day) {
    const monthAt = tokens[day.end] === "of" ? day.end + 1 : day.end;
    const m = monthIndex(tokens[monthAt]);
    if (m !== undefined) {
      const year = readYear(tokens, monthAt + 1);
      return span(i, year === undefined ? monthAt + 1 : monthAt + 2, upcomingMonthDay(today, m, day.value, year, direction));
    }
    // A bare ordinal is a day of the month only when it looks like one ("the 3rd", "3rd", "the third").
    if (ordinal && (t === "the" || /\d/.test(tokens[start] ?? ""))) return span(i, ordinal.end, upcomingDayOfMonth(today, ordinal.value));
  }
  return null;
}

/** Every date mention, left to right, skipping used tokens. */
export function findDates(tokens: readonly string[], today: CalendarDate, used?: readonly boolean[], direction: DateDirection = "future"): Mention<string>[] {
  const found: Mention<string>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used?.[i]) continue;
    const m = readDateAt(tokens, i, today, direction);
    if (m && !anyUsed(used, m.start, m.end)) {
      found.push({ start: m.start, end: m.end, value: toIsoDate(m.value) });
      i = m.end - 1;
    }
  }
  return found;
}

/** The last date in the text as "YYYY-MM-DD", relative to `now`, or null. */
export function parseDate(text: string, now: Date, options: DateOptions = {}): string | null {
  return findDates(toTokens(text), calendarDateOf(now, options.timeZone)).at(-1)?.value ?? null;
}

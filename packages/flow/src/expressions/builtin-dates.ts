/**
 * Date and time helpers of the built-in functions. Dates are ISO strings ("2026-11-27"), times
 * are "HH:MM". Calendar arithmetic runs in UTC, so results never depend on the server's zone;
 * today() and now() read scope.now in UTC (pass a shifted clock for a caller's local time).
 */
import type { Value } from "./values";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

const pad = (n: number): string => String(n).padStart(2, "0");

/** A real calendar day from "YYYY-MM-DD" (a datetime's date part is accepted), else null. */
export function parseIsoDate(v: Value): Date | null {
  if (typeof v !== "string") return null;
  const m = DATE_RE.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2026-02-30 over to March; such input is not a date.
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

export function formatIsoDate(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Hours and minutes of "HH:MM" (seconds are ignored), else null. */
export function parseTime(v: Value): { hours: number; minutes: number } | null {
  if (typeof v !== "string") return null;
  const m = TIME_RE.exec(v.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  return hours < 24 && minutes < 60 ? { hours, minutes } : null;
}

/** Remembers the last result: every condition of a turn asks with the same clock reading. */
function lastValueCache(compute: (now: Date) => string): (now: Date) => string {
  let lastTime = NaN;
  let lastValue = "";
  return (now) => {
    const time = now.getTime();
    if (time !== lastTime) {
      lastValue = compute(now);
      lastTime = time;
    }
    return lastValue;
  };
}

export const today = lastValueCache(formatIsoDate);
export const nowTime = lastValueCache((now) => `${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}`);

export function addDays(isoDate: Value, days: Value): Value {
  const date = parseIsoDate(isoDate);
  if (!date || typeof days !== "number" || !Number.isFinite(days)) return null;
  date.setUTCDate(date.getUTCDate() + Math.trunc(days));
  return formatIsoDate(date);
}

export function weekday(isoDate: Value): Value {
  const date = parseIsoDate(isoDate);
  return date ? (WEEKDAYS[date.getUTCDay()] ?? null) : null;
}

/** "Friday, November 27". */
export function spokenDate(isoDate: Value): Value {
  const date = parseIsoDate(isoDate);
  if (!date) return null;
  return `${WEEKDAYS[date.getUTCDay()] ?? ""}, ${MONTHS[date.getUTCMonth()] ?? ""} ${date.getUTCDate()}`;
}

/** "7:30 pm", "7 pm", "12 am" (midnight), "12 pm" (noon). */
export function spokenTime(time: Value): Value {
  const t = parseTime(time);
  if (!t) return null;
  const suffix = t.hours < 12 ? "am" : "pm";
  const hour = t.hours % 12 === 0 ? 12 : t.hours % 12;
  return t.minutes === 0 ? `${hour} ${suffix}` : `${hour}:${pad(t.minutes)} ${suffix}`;
}

import { addDays, parseIsoDate, type CalendarDate } from "./calendar-date";

/** A date constraint: "today", "tomorrow", "+7d", "-1d", "+2w" (relative to today) or an ISO date; null when unreadable. */
export function resolveDateBound(bound: string, today: CalendarDate): CalendarDate | null {
  const b = bound.trim().toLowerCase();
  if (b === "today") return today;
  if (b === "tomorrow") return addDays(today, 1);
  if (b === "yesterday") return addDays(today, -1);
  const relative = /^([+-]\d+)\s*([dw])$/.exec(b);
  if (relative) return addDays(today, Number(relative[1]) * (relative[2] === "w" ? 7 : 1));
  return parseIsoDate(b);
}

/** A time constraint "HH:MM" (or "H:MM") as minutes after midnight; null when unreadable. */
export function parseClock(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

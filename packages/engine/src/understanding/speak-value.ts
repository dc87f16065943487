import type { CalendarDate } from "./calendar-date";
import { MONTHS, WEEKDAYS } from "./word-lists";
import { weekdayOf } from "./calendar-date";

const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** "Thursday, December 3" (the year only when it is not `currentYear`). */
export function speakDate(date: CalendarDate, currentYear?: number): string {
  const base = `${capital(WEEKDAYS[weekdayOf(date)] ?? "")}, ${capital(MONTHS[date.month - 1] ?? "")} ${date.day}`;
  return currentYear === undefined || currentYear === date.year ? base : `${base}, ${date.year}`;
}

/** "19:30" → "7:30 pm", "12:00" → "noon", "00:00" → "midnight". */
export function speakTime(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  if (m === 0 && h === 12) return "noon";
  if (m === 0 && h === 0) return "midnight";
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m === 0 ? "" : `:${String(m).padStart(2, "0")}`} ${h < 12 ? "am" : "pm"}`;
}

/** "a, b or c" */
export function speakList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

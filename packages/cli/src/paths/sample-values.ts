import type { JsonValue, ParsedSlot, ValueType } from "@voxchart/flow";

/** A value a slot can take, and how a caller would say it. */
export interface SampleValue {
  readonly value: JsonValue;
  readonly utterance: string;
}

const DAY_MS = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function numbers(slot: ParsedSlot): number[] {
  const min = slot.constraints?.min;
  const max = slot.constraints?.max;
  const candidates = [2, 10, 1, 20, 5, ...(min !== undefined ? [min] : []), ...(max !== undefined ? [max] : [])];
  const ok = candidates.filter((n) => (min === undefined || n >= min) && (max === undefined || n <= max));
  return [...new Set(ok.length ? ok : [min ?? max ?? 2])];
}

/** "19:00" → "7 pm", "09:30" → "9:30 am". */
function spokenTime(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `:${String(m).padStart(2, "0")}` : ""} ${h < 12 ? "am" : "pm"}`;
}

/** "7 pm" unless the slot's earliest/latest ("HH:MM") exclude it; then a time they allow. */
function times(slot: ParsedSlot): string[] {
  const norm = (t: string | undefined) => (t && /^\d{1,2}:\d{2}$/.test(t) ? t.padStart(5, "0") : undefined);
  const earliest = norm(slot.constraints?.earliest);
  const latest = norm(slot.constraints?.latest);
  const ok = ["19:00", "12:00", "10:00", "15:00"].filter((t) => (!earliest || t >= earliest) && (!latest || t <= latest));
  return ok.length ? ok.slice(0, 1) : [earliest ?? latest ?? "19:00"];
}

/**
 * Values to try for a slot, the usual one first: date "tomorrow", time "7 pm", integer "2",
 * yesno "yes", enum its first option, email, phone, text "Alex". Several candidates where a
 * condition further on may need another one (numbers, yes/no, enum options).
 */
export function sampleValues(slot: ParsedSlot, now: number): SampleValue[] {
  switch (slot.type) {
    case "date": {
      // A slot that only takes past dates (date of birth, of an incident) gets "yesterday".
      const latest = slot.constraints?.latest;
      const pastOnly = latest !== undefined && (latest === "today" || latest.startsWith("-") || (/^\d{4}-\d{2}-\d{2}$/.test(latest) && latest <= isoDate(now)));
      return [pastOnly ? { value: isoDate(now - DAY_MS), utterance: "yesterday" } : { value: isoDate(now + DAY_MS), utterance: "tomorrow" }];
    }
    case "time":
      return times(slot).map((t) => ({ value: t, utterance: spokenTime(t) }));
    case "integer":
    case "number":
      return numbers(slot).map((n) => ({ value: n, utterance: String(n) }));
    case "yesno":
      return [
        { value: true, utterance: "yes" },
        { value: false, utterance: "no" },
      ];
    case "enum":
      return (slot.options ?? []).map((o) => ({ value: o.value, utterance: o.value }));
    case "email":
      return [{ value: "alex@example.com", utterance: "alex@example.com" }];
    case "phone":
      return [{ value: "5551234567", utterance: "555 123 4567" }];
    case "text":
      return [{ value: "Alex", utterance: "Alex" }];
  }
}

/** A stub result of a declared tool result type. */
export function sampleResult(type: ValueType): JsonValue {
  switch (type) {
    case "string":
      return "OK-1";
    case "number":
    case "integer":
      return 1;
    case "boolean":
      return true;
    case "date":
      return "2026-11-26";
    case "time":
      return "19:00";
    case "list":
      return [];
    case "object":
      return {};
    default:
      return null;
  }
}

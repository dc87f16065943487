import type { ParsedSlot } from "@voxchart/flow";
import type { SlotValue } from "../ports/understanding";
import { calendarDateOf, compareDates, parseIsoDate, toIsoDate } from "./calendar-date";
import { matchEnum } from "./match-enum";
import { parseDate } from "./parse-date";
import { parseNumber } from "./parse-number";
import { PHONE_MAX_DIGITS, PHONE_MIN_DIGITS } from "./parse-phone";
import { parseTime } from "./parse-time";
import { parseYesNo } from "./parse-yes-no";
import { parseClock, resolveDateBound } from "./resolve-bound";
import { speakDate, speakList, speakTime } from "./speak-value";

export type SlotValidationCode =
  | "wrong_type"
  | "not_integer"
  | "too_small"
  | "too_large"
  | "too_short"
  | "too_long"
  | "pattern_mismatch"
  | "too_early"
  | "too_late"
  | "not_an_option"
  | "bad_email"
  | "bad_phone"
  | "bad_constraint";

export type SlotValidation =
  | { ok: true; value: SlotValue }
  | {
      ok: false;
      code: SlotValidationCode;
      /** A short phrase fit to be spoken to the caller ("that date is in the past"). */
      reason: string;
    };

export interface ValidateOptions {
  /** IANA zone that decides which day "today" is. Default "UTC". */
  timeZone?: string;
}

const EMAIL_SHAPE = /^[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
const fail = (code: SlotValidationCode, reason: string): SlotValidation => ({ ok: false, code, reason });
const patternCache = new Map<string, RegExp | null>();

/**
 * Checks a value against the slot's type and constraints and returns it in canonical form
 * (numbers as numbers, enum synonyms as their value, dates "YYYY-MM-DD", times "HH:MM", phone
 * digits). Strings are read leniently, so a model's "tomorrow" or "four" is accepted too.
 * A constraint that cannot be read fails with code "bad_constraint" naming it, for the flow's author.
 */
export function validateSlotValue(slot: ParsedSlot, value: SlotValue, now: Date, options: ValidateOptions = {}): SlotValidation {
  const c = slot.constraints ?? {};
  switch (slot.type) {
    case "number":
    case "integer": {
      const n = typeof value === "number" ? value : typeof value === "string" ? (Number.isFinite(Number(value)) && value.trim() !== "" ? Number(value) : parseNumber(value)) : null;
      if (n === null || !Number.isFinite(n)) return fail("wrong_type", "I need a number");
      if (slot.type === "integer" && !Number.isInteger(n)) return fail("not_integer", "it needs to be a whole number");
      if (c.min !== undefined && n < c.min) return fail("too_small", `the least is ${c.min}`);
      if (c.max !== undefined && n > c.max) return fail("too_large", `the most is ${c.max}`);
      return { ok: true, value: n };
    }
    case "text": {
      const s = String(value).trim();
      if (s === "") return fail("wrong_type", "I didn't catch anything");
      if (c.minLength !== undefined && s.length < c.minLength) return fail("too_short", `that's too short; it needs at least ${c.minLength} characters`);
      if (c.maxLength !== undefined && s.length > c.maxLength) return fail("too_long", `that's too long; it can be at most ${c.maxLength} characters`);
      if (c.pattern !== undefined) {
        const re = compilePattern(c.pattern);
        if (!re) return fail("bad_constraint", `the slot "${slot.name}" has a pattern that is not a valid regular expression: ${c.pattern}`);
        if (!re.test(s)) return fail("pattern_mismatch", "that doesn't look right");
      }
      return { ok: true, value: s };
    }
    case "yesno": {
      const b = typeof value === "boolean" ? value : parseYesNo(String(value));
      return b === null ? fail("wrong_type", "I need a yes or a no") : { ok: true, value: b };
    }
    case "enum": {
      const options = slot.options ?? [];
      const s = String(value).trim().toLowerCase();
      const exact = options.find((o) => o.value.toLowerCase() === s || (o.synonyms ?? []).some((syn) => syn.toLowerCase() === s));
      const found = exact?.value ?? matchEnum(String(value), options);
      return found === null ? fail("not_an_option", `the choices are ${speakList(options.map((o) => o.value))}`) : { ok: true, value: found };
    }
    case "date":
      return validateDate(slot, value, now, options);
    case "time":
      return validateTime(slot, value);
    case "email": {
      const s = String(value).trim().toLowerCase();
      return EMAIL_SHAPE.test(s) ? { ok: true, value: s } : fail("bad_email", "that doesn't sound like an email address");
    }
    case "phone": {
      const s = String(value).trim();
      const digits = s.replace(/\D/g, "");
      if (/[a-z]/i.test(s) || digits.length < PHONE_MIN_DIGITS || digits.length > PHONE_MAX_DIGITS) {
        return fail("bad_phone", "that doesn't sound like a phone number");
      }
      return { ok: true, value: `${s.startsWith("+") ? "+" : ""}${digits}` };
    }
  }
}

function compilePattern(pattern: string): RegExp | null {
  if (!patternCache.has(pattern)) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(pattern);
    } catch {
      re = null;
    }
    patternCache.set(pattern, re);
  }
  return patternCache.get(pattern) ?? null;
}

function validateDate(slot: ParsedSlot, value: SlotValue, now: Date, options: ValidateOptions): SlotValidation {
  const today = calendarDateOf(now, options.timeZone);
  const text = String(value);
  const date = parseIsoDate(text) ?? parseIsoDate(parseDate(text, now, options) ?? "");
  if (!date) return fail("wrong_type", "I need a date");
  const { earliest, latest } = slot.constraints ?? {};
  if (earliest !== undefined) {
    const bound = resolveDateBound(earliest, today);
    if (!bound) return fail("bad_constraint", `the slot "${slot.name}" has an earliest date that cannot be read: "${earliest}" (use "today", "+7d", "-1d" or YYYY-MM-DD)`);
    if (compareDates(date, bound) < 0) {
      return fail("too_early", compareDates(date, today) < 0 ? "that date is in the past" : `the earliest date is ${speakDate(bound, today.year)}`);
    }
  }
  if (latest !== undefined) {
    const bound = resolveDateBound(latest, today);
    if (!bound) return fail("bad_constraint", `the slot "${slot.name}" has a latest date that cannot be read: "${latest}" (use "today", "+7d", "-1d" or YYYY-MM-DD)`);
    if (compareDates(date, bound) > 0) return fail("too_late", `that's too far ahead; the latest date is ${speakDate(bound, today.year)}`);
  }
  return { ok: true, value: toIsoDate(date) };
}

/** Times; a window whose earliest is after its latest wraps midnight ("18:00" to "01:00"). */
function validateTime(slot: ParsedSlot, value: SlotValue): SlotValidation {
  const text = String(value);
  const minutes = parseClock(text) ?? parseClock(parseTime(text) ?? "");
  if (minutes === null) return fail("wrong_type", "I need a time");
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const { earliest, latest } = slot.constraints ?? {};
  const from = earliest === undefined ? null : parseClock(earliest);
  const to = latest === undefined ? null : parseClock(latest);
  if (earliest !== undefined && from === null) return fail("bad_constraint", `the slot "${slot.name}" has an earliest time that cannot be read: "${earliest}" (use HH:MM)`);
  if (latest !== undefined && to === null) return fail("bad_constraint", `the slot "${slot.name}" has a latest time that cannot be read: "${latest}" (use HH:MM)`);
  if (from !== null && to !== null && from > to) {
    if (minutes >= from || minutes <= to) return { ok: true, value: clock };
    return fail("too_early", `it has to be between ${speakTime(earliest ?? "")} and ${speakTime(latest ?? "")}`);
  }
  if (from !== null && minutes < from) return fail("too_early", `the earliest time is ${speakTime(earliest ?? "")}`);
  if (to !== null && minutes > to) return fail("too_late", `the latest time is ${speakTime(latest ?? "")}`);
  return { ok: true, value: clock };
}

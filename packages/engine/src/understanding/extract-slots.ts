import type { ParsedSlot } from "@voxchart/flow";
import type { SlotValue } from "../ports/understanding";
import { calendarDateOf, compareDates, type CalendarDate } from "./calendar-date";
import { extractFreeText, findIntroducedText } from "./extract-text";
import { findEnumOptions } from "./match-enum";
import { toTokens } from "./normalize-text";
import { findDates, type DateDirection, type DateOptions } from "./parse-date";
import { resolveDateBound } from "./resolve-bound";
import { findEmail } from "./parse-email";
import { findNumbers, type Mention } from "./parse-number";
import { findPhones } from "./parse-phone";
import { findTimes, type TimeOptions } from "./parse-time";
import { findYesNo } from "./parse-yes-no";
import { slotGroups } from "./slot-groups";
import { cueDistance } from "./slot-keywords";
import { stemsOf } from "./stem-token";
import { anyUsed } from "./used-tokens";

export interface ExtractSlotsOptions extends DateOptions, TimeOptions {
  /** "Now" for relative dates. */
  now: Date;
  /** The slot just asked for: bare answers ("four", "Friday") go to it. */
  focusSlot?: string;
  /**
   * Whether the focus text slot takes the whole utterance when nothing else was found in it.
   * Default true; turn off when the utterance was already read as an intent.
   */
  freeTextFallback?: boolean;
}

/**
 * Values for any of `slots` found in one utterance (mixed initiative: "tomorrow at 7 pm for two
 * people" fills a date, a time and a number). Values are raw, not checked against constraints.
 *
 * Reading order: email, phone, date, time (with a cue: "at 7", "7 pm"), enum, numbers that name their
 * slot ("5 people"), bare times (when a time is asked), other numbers, yes/no, text; each reading claims its
 * words so later ones do not reuse them (the 7 of "at 7 pm" is not a party size). Dates and
 * times are always read, even with no such slot, for that reason.
 *
 * Which slot gets a value, when several slots share a type: the slot whose own words (name,
 * description, synonyms: "people" for `party_size`) sit next to the value; otherwise the focus
 * slot; otherwise, when there are as many values as slots, in order; otherwise none. With one
 * slot of a type, the last value that points at it wins, else the last value ("four, no, five").
 * Yes/no answers go only to the focus slot (or the sole slot); free text only to the focus
 * text slot (or the sole slot), or to a text slot named in the utterance ("my name is Ana").
 */
export function extractSlots(text: string, slots: readonly ParsedSlot[], options: ExtractSlotsOptions): Record<string, SlotValue> {
  const out: Record<string, SlotValue> = {};
  if (slots.length === 0) return out;
  const focus = options.focusSlot;
  const focusType = slots.find((s) => s.name === focus)?.type;
  const groups = slotGroups(slots);

  let rest = text;
  const emailSlots = groups.email;
  if (emailSlots.length > 0) {
    const email = findEmail(text);
    if (email) {
      out[pick(emailSlots, focus).name] = email.value;
      rest = email.rest;
    }
  }

  const tokens = toTokens(rest);
  const stems = stemsOf(tokens);
  const used: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) used.push(false);

  const phoneSlots = groups.phone;
  if (phoneSlots.length > 0) assign(claim(used, findPhones(tokens, used)), phoneSlots, stems, focus, out);
  const today = calendarDateOf(options.now, options.timeZone);
  const dateSlots = groups.date;
  assign(claim(used, findDates(tokens, today, used, dateDirection(dateSlots, today))), dateSlots, stems, focus, out);
  const numberSlots = groups.numeric;
  const times = claim(used, findTimes(tokens, false, used, options));

  const enumMentions: Mention<string>[] = [];
  for (const slot of groups.enum) {
    const found = findEnumOptions(tokens, slot.options ?? [], used);
    enumMentions.push(...found);
    const last = found.at(-1);
    if (last) out[slot.name] = last.value;
  }
  claim(used, enumMentions);

  // Numbers that name their slot ("5 people") go first, so a bare-time reading cannot take them.
  const numbers = findNumbers(tokens, used);
  const cuedNumbers = claim(used, numbers.filter((m) => numberSlots.some((s) => cueDistance(s, stems, m.start, m.end) !== null)));
  if (focusType === "time") times.push(...claim(used, findTimes(tokens, true, used, options)));
  assign(times.sort((a, b) => a.start - b.start), groups.time, stems, focus, out);
  const otherNumbers = numbers.filter((m) => !cuedNumbers.includes(m) && !anyUsed(used, m.start, m.end));
  assign([...cuedNumbers, ...otherNumbers].sort((a, b) => a.start - b.start), numberSlots, stems, focus, out);

  const yesNoSlots = groups.yesno;
  const yesNoTarget = yesNoSlots.find((s) => s.name === focus) ?? (slots.length === 1 ? yesNoSlots[0] : undefined);
  if (yesNoTarget) {
    const answer = claim(used, findYesNo(tokens, used))[0];
    if (answer) out[yesNoTarget.name] = answer.value;
  }

  const textSlots = groups.text;
  for (const slot of textSlots) {
    const introduced = findIntroducedText(rest, slot);
    if (introduced) out[slot.name] = introduced;
  }
  const textTarget = textSlots.find((s) => s.name === focus) ?? (slots.length === 1 ? textSlots[0] : undefined);
  if (textTarget && out[textTarget.name] === undefined && Object.keys(out).length === 0 && options.freeTextFallback !== false) {
    const value = extractFreeText(rest);
    if (value) out[textTarget.name] = value;
  }
  return out;
}

/** Marks the mentions' words as read, so later readings skip them. */
function claim<T>(used: boolean[], mentions: Mention<T>[]): Mention<T>[] {
  for (const m of mentions) used.fill(true, m.start, m.end);
  return mentions;
}

function pick(candidates: readonly ParsedSlot[], focus: string | undefined): ParsedSlot {
  return candidates.find((s) => s.name === focus) ?? (candidates[0] as ParsedSlot);
}

/** Gives mentions of one type to the slots of that type (rules in extractSlots' comment). */
function assign<T extends SlotValue>(
  mentions: readonly Mention<T>[],
  candidates: readonly ParsedSlot[],
  stems: readonly string[],
  focus: string | undefined,
  out: Record<string, SlotValue>,
): void {
  const only = candidates[0];
  if (mentions.length === 0 || !only) return;
  if (candidates.length === 1) {
    const cued = mentions.filter((m) => cueDistance(only, stems, m.start, m.end) !== null).at(-1);
    out[only.name] = (cued ?? (mentions.at(-1) as Mention<T>)).value;
    return;
  }
  const uncued: Mention<T>[] = [];
  const cuedSlots = new Set<string>();
  for (const m of mentions) {
    let best: { slot: ParsedSlot; d: number } | null = null;
    for (const slot of candidates) {
      const d = cueDistance(slot, stems, m.start, m.end);
      if (d !== null && (best === null || d < best.d)) best = { slot, d };
    }
    if (best) {
      out[best.slot.name] = m.value;
      cuedSlots.add(best.slot.name);
    } else uncued.push(m);
  }
  if (uncued.length === 0) return;
  const focused = candidates.find((s) => s.name === focus);
  if (focused && !cuedSlots.has(focused.name)) {
    out[focused.name] = (uncued.at(-1) as Mention<T>).value;
    return;
  }
  const open = candidates.filter((s) => !cuedSlots.has(s.name));
  if (open.length === uncued.length) open.forEach((slot, i) => (out[slot.name] = (uncued[i] as Mention<T>).value));
}

/** Dates without a year or week look back when every date slot here must lie on or before today. */
function dateDirection(dateSlots: readonly ParsedSlot[], today: CalendarDate): DateDirection {
  if (dateSlots.length === 0) return "future";
  return dateSlots.every((slot) => latestIsPast(slot, today)) ? "past" : "future";
}

const latestIsPastCache = new WeakMap<ParsedSlot, { today: CalendarDate; latest: string | undefined; past: boolean }>();

/** Whether the slot's latest allowed date is today or before (remembered per slot for the last day asked). */
function latestIsPast(slot: ParsedSlot, today: CalendarDate): boolean {
  const latest = slot.constraints?.latest;
  const cached = latestIsPastCache.get(slot);
  if (cached && cached.latest === latest && compareDates(cached.today, today) === 0) return cached.past;
  const bound = latest ? resolveDateBound(latest, today) : null;
  const past = bound !== null && compareDates(bound, today) <= 0;
  latestIsPastCache.set(slot, { today, latest, past });
  return past;
}

import type { ParsedSlot } from "@voxchart/flow";
import { contentTokens, intentNameAsText } from "./content-tokens";
import { toTokens } from "./normalize-text";
import { stemToken } from "./stem-token";

/** Words that name the same kind of quantity, so "5 guests" fills `party_size`. */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["people", "person", "persons", "guest", "guests", "party", "adult", "adults", "pax", "diner", "diners", "us", "seat", "seats", "size"],
  ["child", "children", "kid", "kids"],
  ["night", "nights", "stay"],
  ["room", "rooms"],
  ["age", "old", "year", "years"],
  ["ticket", "tickets"],
  ["hour", "hours", "duration"],
].map((g) => g.map(stemToken));

const cache = new WeakMap<ParsedSlot, ReadonlySet<string>>();

/** Stemmed words that point at this slot: from its name, its description and their synonyms. */
export function slotKeywords(slot: ParsedSlot): ReadonlySet<string> {
  let words = cache.get(slot);
  if (!words) {
    const own = contentTokens(toTokens(`${intentNameAsText(slot.name)} ${slot.description ?? ""}`)).tokens;
    const set = new Set(own);
    for (const group of SYNONYM_GROUPS) if (own.some((w) => group.includes(w))) for (const w of group) set.add(w);
    words = set;
    cache.set(slot, words);
  }
  return words;
}

/**
 * How close a keyword of the slot sits to the mention [start, end): 1 for the next word, 2 for
 * the one after; a word before counts half a step further (units follow numbers: "5 people").
 * Null when none is within three words before or two after.
 */
export function cueDistance(slot: ParsedSlot, stems: readonly string[], start: number, end: number): number | null {
  const keywords = slotKeywords(slot);
  let best: number | null = null;
  for (let i = Math.max(0, start - 3); i < Math.min(stems.length, end + 2); i++) {
    if (i >= start && i < end) continue;
    if (!keywords.has(stems[i] ?? "")) continue;
    const d = i >= end ? i - end + 1 : start - i + 0.5;
    if (best === null || d < best) best = d;
  }
  return best;
}

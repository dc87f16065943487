import type { ParsedSlot } from "@voxchart/flow";
import { intentNameAsText } from "./content-tokens";

const LEADING_FILLER = [
  /^(?:um+|uh+|er+m?|hmm+|well|so|oh|okay|ok|sure|yes|yeah|hi|hello|hey|right)\b[\s,.!]*/i,
  /^(?:it'?s|it is|this is|that'?s|that is|i'?m|i am|we'?re|we are|call me|you can call me|they call me|it would be|it'?d be|make it|put me down as|put it under|under)\s+/i,
  /^(?:my|our|the)\s+(?:[a-z]+\s+){0,2}(?:is|'s|would be)\s+/i,
  /^name'?s\s+/i,
];
const TRAILING_FILLER = /(?:[\s,]+(?:please|thanks|thank you|thx))+[\s.!?]*$|[\s.!?,;:]+$/i;

/**
 * The utterance as a free-text answer, without the filler around it: "my name is Ana Lopez,
 * thanks" → "Ana Lopez". Casing is kept. Empty when nothing is left.
 */
export function extractFreeText(text: string): string {
  let s = text.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const filler of LEADING_FILLER) {
      const next = s.replace(filler, "");
      if (next !== s && next.trim() !== "") {
        s = next.trim();
        changed = true;
      }
    }
  }
  return s.replace(TRAILING_FILLER, "").trim();
}

/**
 * A value introduced for this slot by its own words ("my name is Ana" for `name`,
 * "the company is Acme" for `company_name`): the words after "is" up to "and my", a comma or the end.
 */
export function findIntroducedText(text: string, slot: ParsedSlot): string | null {
  const pattern = introducerOf(slot);
  const value = pattern?.exec(text)?.[1]?.trim();
  return value ? value : null;
}

const introducers = new WeakMap<ParsedSlot, RegExp | null>();

function introducerOf(slot: ParsedSlot): RegExp | null {
  if (introducers.has(slot)) return introducers.get(slot) ?? null;
  const last = intentNameAsText(slot.name).toLowerCase().split(/\s+/).filter(Boolean).at(-1);
  const pattern = last === undefined ? null : new RegExp(`\\b(?:my|our|the|his|her)\\s+(?:[a-z]+\\s+)?${escape(last)}(?:'s|\\s+is|\\s+would be)\\s+(.+?)(?=\\s+and\\s+(?:my|our|the|it)\\b|[,;.!?]|$)`, "i");
  introducers.set(slot, pattern);
  return pattern;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

import { toTokens } from "./normalize-text";
import type { Mention } from "./parse-number";

const phrases = (list: string): string[][] => list.split(",").map((p) => p.trim().split(" "));

const YES = phrases(
  "yes, yeah, yea, ya, yep, yup, yes please, sure, sure thing, correct, right, that is right, that is correct, exactly, " +
    "absolutely, definitely, certainly, of course, affirmative, ok, okay, alright, all right, fine, perfect, great, " +
    "sounds good, go ahead, please do, indeed, uh huh, you bet, i do, we do, true, confirm, confirmed, no problem, no worries",
);
const NO = phrases(
  "no, nope, nah, negative, incorrect, wrong, not really, not quite, not at all, no thanks, no thank you, never, " +
    "i do not, we do not, do not, i do not think so, false, that is wrong, that is not right, cancel",
);
/** Phrases that look like answers but are not ("not sure"). */
const NEITHER = phrases("not sure, no idea, i am not sure, i do not know, do not know, maybe");

interface Phrase {
  words: string[];
  value: boolean | null;
}
// Longest first, so "no problem" beats "no" and "not really" beats "really".
const PHRASES: readonly Phrase[] = [
  ...NEITHER.map((words) => ({ words, value: null })),
  ...NO.map((words) => ({ words, value: false })),
  ...YES.map((words) => ({ words, value: true })),
].sort((a, b) => b.words.length - a.words.length);

/** PHRASES by their first word, each list still longest first. */
const PHRASES_BY_FIRST_WORD = new Map<string, Phrase[]>();
for (const p of PHRASES) {
  const first = p.words[0] ?? "";
  const list = PHRASES_BY_FIRST_WORD.get(first);
  if (list) list.push(p);
  else PHRASES_BY_FIRST_WORD.set(first, [p]);
}

function phraseAt(tokens: readonly string[], i: number): { end: number; value: boolean | null } | null {
  const candidates = PHRASES_BY_FIRST_WORD.get(tokens[i] ?? "");
  if (!candidates) return null;
  for (const p of candidates) {
    if (wordsAt(tokens, i, p.words)) return { end: i + p.words.length, value: p.value };
  }
  return null;
}

function wordsAt(tokens: readonly string[], i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[i + k] !== words[k]) return false;
  return true;
}

/** Yes/no answers in the tokens, left to right; "not" before a yes phrase makes it a no ("not correct"). */
export function findYesNo(tokens: readonly string[], used?: readonly boolean[]): Mention<boolean>[] {
  const found: Mention<boolean>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used?.[i]) continue;
    const own = phraseAt(tokens, i);
    const negated = own === null && tokens[i] === "not";
    const p = own ?? (negated ? phraseAt(tokens, i + 1) : null);
    if (!p) continue;
    if (p.value !== null) found.push({ start: i, end: p.end, value: negated ? false : p.value });
    i = p.end - 1;
  }
  return found;
}

/** The first yes/no answer in the text (an answer leads: "no, make it Friday"), or null. */
export function parseYesNo(text: string): boolean | null {
  return findYesNo(toTokens(text))[0]?.value ?? null;
}

/** Leading answer words in raw text ("No, ", "Yeah sure, "), to read the rest as a correction. */
export const LEADING_ANSWER =
  /^\s*(?:(?:no|nope|nah|yes|yeah|yep|yup|sure|ok|okay|correct|right|that'?s right|that is right|that'?s correct|not really|no thanks|actually|sorry|wait)\b[\s,.!;:-]*)+/i;

import type { EnumOption } from "@voxchart/flow";
import { isFuzzyTokenMatch } from "./damerau-levenshtein";
import { toTokens } from "./normalize-text";
import type { Mention } from "./parse-number";
import { stemToken } from "./stem-token";
import { NEGATIONS } from "./word-lists";

interface OptionPhrase {
  value: string;
  words: readonly string[];
}

const phraseCache = new WeakMap<readonly EnumOption[], readonly OptionPhrase[]>();
const fuzzyCache = new Map<string, Map<string, boolean>>();

/** isFuzzyTokenMatch, remembered: option words are compared with the same tokens every turn. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 2) return false;
  let row = fuzzyCache.get(a);
  if (!row) {
    if (fuzzyCache.size > 5_000) fuzzyCache.clear();
    row = new Map();
    fuzzyCache.set(a, row);
  }
  let same = row.get(b);
  if (same === undefined) {
    same = isFuzzyTokenMatch(a, b);
    row.set(b, same);
  }
  return same;
}

function phrasesOf(options: readonly EnumOption[]): readonly OptionPhrase[] {
  let phrases = phraseCache.get(options);
  if (!phrases) {
    phrases = options
      .flatMap((o) => [o.value, ...(o.synonyms ?? [])].map((text) => ({ value: o.value, words: toTokens(text).map(stemToken) })))
      .filter((p) => p.words.length > 0)
      // Longer phrases first: "extra large" before "large".
      .sort((a, b) => b.words.length - a.words.length);
    phraseCache.set(options, phrases);
  }
  return phrases;
}

/**
 * Option values and synonyms in the tokens (stemmed, typo-tolerant), left to right. A phrase
 * right after a negation ("not vegetarian", "without nuts") is skipped.
 */
export function findEnumOptions(tokens: readonly string[], options: readonly EnumOption[], used?: readonly boolean[]): Mention<string>[] {
  const phrases = phrasesOf(options);
  const stems = tokens.map(stemToken);
  const found: Mention<string>[] = [];
  for (let i = 0; i < stems.length; i++) {
    const hit = phrases.find((p) => p.words.every((w, k) => !used?.[i + k] && stems[i + k] !== undefined && sameWord(stems[i + k] ?? "", w)));
    if (!hit) continue;
    const before = tokens[i - 1];
    if (!(before !== undefined && (NEGATIONS.has(before) || (before === "no" && i > 1)))) {
      found.push({ start: i, end: i + hit.words.length, value: hit.value });
    }
    i += hit.words.length - 1;
  }
  return found;
}

/** The canonical value of the last option named in the text, or null. */
export function matchEnum(text: string, options: readonly EnumOption[]): string | null {
  return findEnumOptions(toTokens(text), options).at(-1)?.value ?? null;
}

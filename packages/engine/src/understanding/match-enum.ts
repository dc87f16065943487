import type { EnumOption } from "@voxchart/flow";
import { isFuzzyTokenMatch } from "./damerau-levenshtein";
import { toTokens } from "./normalize-text";
import type { Mention } from "./parse-number";
import { stemsOf, stemToken } from "./stem-token";
import { NEGATIONS } from "./word-lists";

interface OptionPhrase {
  value: string;
  words: readonly string[];
}

interface OptionPhrases {
  /** Longest first. */
  phrases: readonly OptionPhrase[];
  /** Per stem seen: whether it is (or is a typo of) some phrase's first word; no phrase starts where it is not. Bounded. */
  firstWord: Map<string, boolean>;
}

const phraseCache = new WeakMap<readonly EnumOption[], OptionPhrases>();
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

function phrasesOf(options: readonly EnumOption[]): OptionPhrases {
  let cached = phraseCache.get(options);
  if (!cached) {
    const phrases = options
      .flatMap((o) => [o.value, ...(o.synonyms ?? [])].map((text) => ({ value: o.value, words: toTokens(text).map(stemToken) })))
      .filter((p) => p.words.length > 0)
      // Longer phrases first: "extra large" before "large".
      .sort((a, b) => b.words.length - a.words.length);
    cached = { phrases, firstWord: new Map() };
    phraseCache.set(options, cached);
  }
  return cached;
}

function mayStartPhrase(cached: OptionPhrases, stem: string): boolean {
  let may = cached.firstWord.get(stem);
  if (may === undefined) {
    may = cached.phrases.some((p) => sameWord(stem, p.words[0] ?? ""));
    if (cached.firstWord.size > 5_000) cached.firstWord.clear();
    cached.firstWord.set(stem, may);
  }
  return may;
}

/**
 * Option values and synonyms in the tokens (stemmed, typo-tolerant), left to right. A phrase
 * right after a negation ("not vegetarian", "without nuts") is skipped.
 */
export function findEnumOptions(tokens: readonly string[], options: readonly EnumOption[], used?: readonly boolean[]): Mention<string>[] {
  const cached = phrasesOf(options);
  const stems = stemsOf(tokens);
  const found: Mention<string>[] = [];
  for (let i = 0; i < stems.length; i++) {
    if (!mayStartPhrase(cached, stems[i] ?? "")) continue;
    const hit = phraseAt(cached.phrases, stems, i, used);
    if (!hit) continue;
    const before = tokens[i - 1];
    if (!(before !== undefined && (NEGATIONS.has(before) || (before === "no" && i > 1)))) {
      found.push({ start: i, end: i + hit.words.length, value: hit.value });
    }
    i += hit.words.length - 1;
  }
  return found;
}

/** The first phrase (longest first) whose words are the unused stems from `i` on. */
function phraseAt(phrases: readonly OptionPhrase[], stems: readonly string[], i: number, used: readonly boolean[] | undefined): OptionPhrase | undefined {
  for (const p of phrases) {
    let k = 0;
    for (; k < p.words.length; k++) {
      const stem = stems[i + k];
      if (used?.[i + k] || stem === undefined || !sameWord(stem, p.words[k] ?? "")) break;
    }
    if (k === p.words.length) return p;
  }
  return undefined;
}

/** The canonical value of the last option named in the text, or null. */
export function matchEnum(text: string, options: readonly EnumOption[]): string | null {
  return findEnumOptions(toTokens(text), options).at(-1)?.value ?? null;
}

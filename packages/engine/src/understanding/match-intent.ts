import type { ParsedIntent } from "@voxchart/flow";
import { contentTokens } from "./content-tokens";
import { isFuzzyTokenMatch } from "./damerau-levenshtein";
import { getIntentIndex, type IndexedExample, type IntentIndex } from "./intent-index";
import { toTokens } from "./normalize-text";
import { stemToken } from "./stem-token";
import { VALUE_WORDS } from "./word-lists";

export interface MatchIntentOptions {
  /** A match must score strictly above this (0..1). Default 0.5. */
  threshold?: number;
  /** Intents scoring within this of the best are compared on specificity. Default 0.05. */
  tieMargin?: number;
}

export interface IntentScore {
  name: string;
  /** 0..1, the best similarity between the utterance and any of the intent's examples. */
  score: number;
  /** IDF mass of the matched example tokens: higher means the match rests on rarer words. */
  specificity: number;
  /** The example that scored best (normalised). */
  example: string;
}

const STEMMED_VALUE_WORDS: ReadonlySet<string> = new Set([...VALUE_WORDS].map(stemToken));
const LONG_VALUE_WORDS = [...STEMMED_VALUE_WORDS].filter((w) => w.length >= 6);
const valueWordMemo = new Map<string, boolean>();

/** Numbers, days and times, misspelt ones too ("tomorow", "wensday"): slot material, not intent words. */
function isValueWord(token: string): boolean {
  if (STEMMED_VALUE_WORDS.has(token) || /\d/.test(token)) return true;
  if (token.length < 6) return false;
  let found = valueWordMemo.get(token);
  if (found === undefined) {
    found = LONG_VALUE_WORDS.some((w) => isFuzzyTokenMatch(token, w));
    if (valueWordMemo.size > 5_000) valueWordMemo.clear();
    valueWordMemo.set(token, found);
  }
  return found;
}
const NEGATION_MISMATCH_FACTOR = 0.5;
/**
 * F-beta's beta squared: how much more recall counts than precision. 1 (plain F1): with recall
 * favoured, one-word examples ("can I make a reservation" → "reservation") swallow longer
 * utterances that belong to a more specific intent ("change my reservation").
 */
const BETA2 = 1;

/**
 * Scores every intent against the utterance, best first.
 *
 * Per example: recall (share of the example's IDF weight found in the utterance, typos credited
 * at 0.85) and precision (share of the utterance's weight found in the example; value words such
 * as numbers, days and times are left out, unknown words weigh as the rarest), combined as
 * their harmonic mean (F1). IDF is computed over all the examples of the request's intents.
 * A negation on one side only halves the score. An exact normalised match scores 1.
 */
export function scoreIntents(text: string, intents: readonly ParsedIntent[]): IntentScore[] {
  if (intents.length === 0) return [];
  const index = getIntentIndex(intents);
  const words = toTokens(text);
  const normalized = words.join(" ");
  const utterance = contentTokens(words);
  const tokens = utterance.tokens.filter((t) => index.idf.has(t) || !isValueWord(t));
  // What each utterance token matches, and the best credit each example token gets.
  const matches = tokens.map((t) => index.matchesOf(t));
  const weights = tokens.map((t) => index.idf.get(t) ?? index.unknownWeight);
  const utteranceWeight = weights.reduce((a, b) => a + b, 0);
  const exampleCredit = new Map<string, number>();
  for (const m of matches) for (const [e, c] of m) if (c > (exampleCredit.get(e) ?? 0)) exampleCredit.set(e, c);
  const u: ScoredUtterance = { normalized, negated: utterance.negated, matches, weights, utteranceWeight, exampleCredit };
  // Per intent: best score, its specificity and example (no allocation per example: this is the hot loop).
  const n = index.intents.length;
  const bestScore = new Float64Array(n).fill(-1);
  const bestSpecificity = new Float64Array(n);
  const bestExample = new Int32Array(n).fill(-1);
  index.examples.forEach((example, k) => {
    const { score, specificity } = scoreExample(example, u, index);
    const current = bestScore[example.intent] ?? -1;
    if (score > current || (score === current && specificity > (bestSpecificity[example.intent] ?? 0))) {
      bestScore[example.intent] = score;
      bestSpecificity[example.intent] = specificity;
      bestExample[example.intent] = k;
    }
  });
  const scores: IntentScore[] = [];
  for (let i = 0; i < n; i++) {
    const example = index.examples[bestExample[i] ?? -1];
    if (!example) continue;
    scores.push({ name: index.intents[i]?.name ?? "", score: bestScore[i] ?? 0, specificity: bestSpecificity[i] ?? 0, example: example.normalized });
  }
  // Stable sort: equal scores keep the intents' order.
  return scores.sort((a, b) => b.score - a.score);
}

interface ScoredUtterance {
  normalized: string;
  negated: boolean;
  matches: ReadonlyArray<ReadonlyMap<string, number>>;
  weights: readonly number[];
  utteranceWeight: number;
  exampleCredit: ReadonlyMap<string, number>;
}

const scratch = { score: 0, specificity: 0 };

/** Scores one example; returns a shared scratch object (read it before the next call). */
function scoreExample(example: IndexedExample, u: ScoredUtterance, index: IntentIndex): { score: number; specificity: number } {
  if (example.normalized === u.normalized) {
    scratch.score = 1;
    scratch.specificity = example.weight;
    return scratch;
  }
  let matchedExample = 0;
  for (const e of example.tokens) {
    const credit = u.exampleCredit.get(e);
    if (credit !== undefined) matchedExample += credit * (index.idf.get(e) ?? 0);
  }
  scratch.specificity = matchedExample;
  // Nothing of the example was said: recall is 0, and so is the score.
  if (matchedExample === 0) {
    scratch.score = 0;
    return scratch;
  }
  let matchedUtterance = 0;
  for (let i = 0; i < u.matches.length; i++) {
    const m = u.matches[i];
    if (!m || m.size === 0) continue;
    let credit = 0;
    m.forEach((c, e) => {
      if (c > credit && example.tokenSet.has(e)) credit = c;
    });
    matchedUtterance += credit * (u.weights[i] ?? 0);
  }
  const recall = example.weight > 0 ? matchedExample / example.weight : 0;
  const precision = u.utteranceWeight > 0 ? matchedUtterance / u.utteranceWeight : 0;
  let score = recall + precision > 0 ? ((1 + BETA2) * precision * recall) / (BETA2 * precision + recall) : 0;
  if (u.negated !== example.negated) score *= NEGATION_MISMATCH_FACTOR;
  scratch.score = score;
  return scratch;
}

/**
 * The best intent scoring above the threshold, or null.
 *
 * Tie rule: among intents within `tieMargin` of the best score, the one whose match rests on
 * rarer words (higher specificity) wins; if that is equal too, the earlier intent in the array.
 */
export function matchIntent(
  text: string,
  intents: readonly ParsedIntent[],
  options: MatchIntentOptions = {},
): { name: string; confidence: number } | null {
  const threshold = options.threshold ?? 0.5;
  const margin = options.tieMargin ?? 0.05;
  const scores = scoreIntents(text, intents);
  const top = scores[0];
  if (!top || top.score <= threshold) return null;
  let chosen = top;
  for (const s of scores.slice(1)) {
    if (s.score <= threshold || top.score - s.score > margin) break;
    if (s.specificity > chosen.specificity + 1e-9) chosen = s;
  }
  return { name: chosen.name, confidence: Math.round(chosen.score * 1000) / 1000 };
}

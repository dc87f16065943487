import type { ParsedIntent } from "@voxchart/flow";
import { contentTokens } from "./content-tokens";
import { isFuzzyTokenMatch } from "./damerau-levenshtein";
import { hasDigit } from "./has-digit";
import { getIntentIndex, type IndexedExample, type IntentIndex, type TokenMatches } from "./intent-index";
import { toNormalizedText, toTokens } from "./normalize-text";
import { stemToken } from "./stem-token";
import { VALUE_WORDS } from "./word-lists";

/** Per intent of `index.intents`: the best example's score, its specificity and its position (-1: the intent has no example). */
export interface ScoreTable {
  readonly index: IntentIndex;
  readonly score: Float64Array;
  readonly specificity: Float64Array;
  readonly example: Int32Array;
}

const NEGATION_MISMATCH_FACTOR = 0.5;
/**
 * F-beta's beta squared: how much more recall counts than precision. 1 (plain F1): with recall
 * favoured, one-word examples ("can I make a reservation" → "reservation") swallow longer
 * utterances that belong to a more specific intent ("change my reservation").
 */
const BETA2 = 1;

// Shared scratch (the scoring is synchronous): no allocation per call in the hot loop.
let wordCredit = new Float64Array(256);
let candidates = new Uint8Array(256);
let table: { -readonly [K in keyof ScoreTable]: ScoreTable[K] } | null = null;

/**
 * Scores the utterance against every example of `intents` (rules in scoreIntents' comment) and
 * keeps each intent's best. The table is shared: read it before the next call.
 */
export function scoreTable(text: string, intents: readonly ParsedIntent[]): ScoreTable {
  const index = getIntentIndex(intents);
  const normalized = toNormalizedText(text);
  const utterance = contentTokens(toTokens(text));
  // What each utterance token matches and its weight; value words no example uses are left out.
  const matches: TokenMatches[] = [];
  const weights: number[] = [];
  let utteranceWeight = 0;
  for (const t of utterance.tokens) {
    const m = index.matchesOf(t);
    if (m.idf === undefined && isValueWord(t)) continue;
    const weight = m.idf ?? index.unknownWeight;
    matches.push(m);
    weights.push(weight);
    utteranceWeight += weight;
  }
  // The best credit each vocabulary word gets from the utterance (0: not said), and the examples
  // sharing a word with it: only those can score above 0.
  const credit = zeroedWordCredit(index.vocabulary.length);
  const candidate = clearedCandidates(index.examples.length);
  for (const m of matches) {
    for (let j = 0; j < m.ids.length; j++) {
      const id = m.ids[j] ?? 0;
      const c = m.credits[j] ?? 0;
      if (c > (credit[id] ?? 0)) credit[id] = c;
      for (const k of index.postings[id] ?? []) candidate[k] = 1;
    }
  }
  const best = initialTable(index);
  const exactPossible = index.normalizedExamples.has(normalized);
  for (let k = 0; k < index.examples.length; k++) {
    if (candidate[k] === 0) continue;
    const example = index.examples[k] as IndexedExample;
    let score: number;
    let specificity: number;
    if (exactPossible && example.normalized === normalized) {
      score = 1;
      specificity = example.weight;
    } else {
      specificity = matchedExampleWeight(example, credit);
      score = f1Score(example, specificity, matchedUtteranceWeight(index, k, matches, weights), utteranceWeight, utterance.negated);
    }
    const current = best.score[example.intent] ?? -1;
    if (score > current || (score === current && specificity > (best.specificity[example.intent] ?? 0))) {
      best.score[example.intent] = score;
      best.specificity[example.intent] = specificity;
      best.example[example.intent] = k;
    }
  }
  return best;
}

/**
 * The shared table sized for this index, as if every example had scored 0: each intent's best is
 * then its first example (score 0, specificity 0); an intent without examples has none (-1).
 */
function initialTable(index: IntentIndex): ScoreTable {
  const n = index.intents.length;
  if (!table || table.score.length < n) table = { index, score: new Float64Array(n * 2), specificity: new Float64Array(n * 2), example: new Int32Array(n * 2) };
  table.index = index;
  for (let i = 0; i < n; i++) {
    const first = index.firstExample[i] ?? -1;
    table.score[i] = first >= 0 ? 0 : -1;
    table.specificity[i] = 0;
    table.example[i] = first;
  }
  return table;
}

// Loops below, not fill(): TypedArray fill is a slow call for a few elements.
function zeroedWordCredit(size: number): Float64Array {
  if (wordCredit.length < size) wordCredit = new Float64Array(size * 2);
  for (let i = 0; i < size; i++) wordCredit[i] = 0;
  return wordCredit;
}

function clearedCandidates(size: number): Uint8Array {
  if (candidates.length < size) candidates = new Uint8Array(size * 2);
  for (let i = 0; i < size; i++) candidates[i] = 0;
  return candidates;
}

/** IDF mass of the example's tokens the utterance matched, each times its credit. */
function matchedExampleWeight(example: IndexedExample, credit: Float64Array): number {
  let matched = 0;
  for (let t = 0; t < example.tokenIds.length; t++) {
    const c = credit[example.tokenIds[t] ?? 0] ?? 0;
    if (c > 0) matched += c * (example.tokenIdf[t] ?? 0);
  }
  return matched;
}

/** Weight of the utterance tokens found in example `k`, each times its best credit there. */
function matchedUtteranceWeight(index: IntentIndex, k: number, matches: readonly TokenMatches[], weights: readonly number[]): number {
  const row = k * index.vocabulary.length;
  let matched = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as TokenMatches;
    if (m.ids.length === 0) continue;
    let credit = 0;
    for (let j = 0; j < m.ids.length; j++) {
      const c = m.credits[j] ?? 0;
      if (c > credit && index.contains[row + (m.ids[j] ?? 0)] === 1) credit = c;
    }
    matched += credit * (weights[i] ?? 0);
  }
  return matched;
}

function f1Score(example: IndexedExample, matchedExample: number, matchedUtterance: number, utteranceWeight: number, negated: boolean): number {
  const recall = example.weight > 0 ? matchedExample / example.weight : 0;
  const precision = utteranceWeight > 0 ? matchedUtterance / utteranceWeight : 0;
  let score = recall + precision > 0 ? ((1 + BETA2) * precision * recall) / (BETA2 * precision + recall) : 0;
  if (negated !== example.negated) score *= NEGATION_MISMATCH_FACTOR;
  return score;
}

const STEMMED_VALUE_WORDS: ReadonlySet<string> = new Set([...VALUE_WORDS].map(stemToken));
const LONG_VALUE_WORDS = [...STEMMED_VALUE_WORDS].filter((w) => w.length >= 6);
const valueWordMemo = new Map<string, boolean>();

/** Numbers, days and times, misspelt ones too ("tomorow", "wensday"): slot material, not intent words. */
function isValueWord(token: string): boolean {
  if (STEMMED_VALUE_WORDS.has(token) || hasDigit(token)) return true;
  if (token.length < 6) return false;
  let found = valueWordMemo.get(token);
  if (found === undefined) {
    found = LONG_VALUE_WORDS.some((w) => isFuzzyTokenMatch(token, w));
    if (valueWordMemo.size > 5_000) valueWordMemo.clear();
    valueWordMemo.set(token, found);
  }
  return found;
}

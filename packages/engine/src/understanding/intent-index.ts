import type { ParsedIntent } from "@voxchart/flow";
import { contentTokens, intentNameAsText } from "./content-tokens";
import { isFuzzyTokenMatch } from "./damerau-levenshtein";
import { normalizeText, tokenize } from "./normalize-text";

export interface IndexedExample {
  /** Position of the intent in the request's intents array. */
  intent: number;
  normalized: string;
  tokens: readonly string[];
  tokenSet: ReadonlySet<string>;
  /** Vocabulary ids of `tokens`, in the same order. */
  tokenIds: readonly number[];
  /** IDF weight of each of `tokens`, in the same order. */
  tokenIdf: readonly number[];
  negated: boolean;
  /** Sum of the IDF weights of `tokens`. */
  weight: number;
}

/** The example words an utterance token matches: vocabulary ids, each with a credit of 1 (exact) or FUZZY_CREDIT. */
export interface TokenMatches {
  readonly ids: readonly number[];
  readonly credits: readonly number[];
  /** The token's own IDF when it is an example word. */
  readonly idf: number | undefined;
}

/** Precomputed matching data for one intents array. */
export interface IntentIndex {
  readonly intents: readonly ParsedIntent[];
  readonly examples: readonly IndexedExample[];
  /** Every example token once; a token's position is its vocabulary id. */
  readonly vocabulary: readonly string[];
  /** Whether example `e` contains vocabulary word `v`: `contains[e * vocabulary.length + v] === 1`. */
  readonly contains: Uint8Array;
  /** Per vocabulary word, the examples that contain it, in order. */
  readonly postings: readonly (readonly number[])[];
  /** Per intent, its first example (-1: none). */
  readonly firstExample: readonly number[];
  /** Every example's normalised text. */
  readonly normalizedExamples: ReadonlySet<string>;
  /** Inverse document frequency of each example token, documents being the examples. */
  readonly idf: ReadonlyMap<string, number>;
  /** The weight given to a token no example contains (as rare as can be). */
  readonly unknownWeight: number;
  /** Example tokens an utterance token matches, in vocabulary order. */
  matchesOf(token: string): TokenMatches;
}

/** Credit for a token matched only through a small typo. */
export const FUZZY_CREDIT = 0.85;

const cache = new WeakMap<readonly ParsedIntent[], IntentIndex>();

/** The index for this intents array, built once per array identity. */
export function getIntentIndex(intents: readonly ParsedIntent[]): IntentIndex {
  let index = cache.get(intents);
  if (!index) {
    index = buildIntentIndex(intents);
    cache.set(intents, index);
  }
  return index;
}

export function buildIntentIndex(intents: readonly ParsedIntent[]): IntentIndex {
  const raw: Array<{ intent: number; normalized: string; tokens: string[]; negated: boolean }> = [];
  intents.forEach((intent, i) => {
    for (const text of [...intent.examples, intentNameAsText(intent.name)]) {
      const normalized = normalizeText(text);
      const { tokens, negated } = contentTokens(tokenize(normalized));
      if (tokens.length > 0) raw.push({ intent: i, normalized, tokens, negated });
    }
  });
  const df = new Map<string, number>();
  for (const ex of raw) for (const t of ex.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(raw.length, 1);
  const idf = new Map<string, number>();
  for (const [t, count] of df) idf.set(t, Math.log(1 + n / count));
  const unknownWeight = Math.log(1 + n);
  const vocabulary = [...idf.keys()];
  const idOf = new Map(vocabulary.map((word, id) => [word, id] as const));
  const contains = new Uint8Array(raw.length * vocabulary.length);
  const postings = vocabulary.map((): number[] => []);
  const firstExample = intents.map(() => -1);
  const examples = raw.map((ex, e): IndexedExample => {
    const tokenIds = ex.tokens.map((t) => idOf.get(t) ?? -1);
    for (const id of tokenIds) {
      contains[e * vocabulary.length + id] = 1;
      postings[id]?.push(e);
    }
    if (firstExample[ex.intent] === -1) firstExample[ex.intent] = e;
    return {
      ...ex,
      tokenSet: new Set(ex.tokens),
      tokenIds,
      tokenIdf: ex.tokens.map((t) => idf.get(t) ?? 0),
      weight: ex.tokens.reduce((s, t) => s + (idf.get(t) ?? 0), 0),
    };
  });
  const matchCache = new Map<string, TokenMatches>();

  function matchesOf(token: string): TokenMatches {
    let found = matchCache.get(token);
    if (found) return found;
    const ids: number[] = [];
    const credits: number[] = [];
    vocabulary.forEach((word, id) => {
      const credit = word === token ? 1 : isFuzzyTokenMatch(token, word) ? FUZZY_CREDIT : 0;
      if (credit > 0) {
        ids.push(id);
        credits.push(credit);
      }
    });
    found = { ids, credits, idf: idf.get(token) };
    // Bounded so a long-lived index cannot grow without limit on open-ended input.
    if (matchCache.size > 10_000) matchCache.clear();
    matchCache.set(token, found);
    return found;
  }

  const normalizedExamples = new Set(examples.map((ex) => ex.normalized));
  return { intents, examples, vocabulary, contains, postings, firstExample, normalizedExamples, idf, unknownWeight, matchesOf };
}

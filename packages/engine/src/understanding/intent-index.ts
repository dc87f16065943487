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
  negated: boolean;
  /** Sum of the IDF weights of `tokens`. */
  weight: number;
}

/** Precomputed matching data for one intents array. */
export interface IntentIndex {
  readonly intents: readonly ParsedIntent[];
  readonly examples: readonly IndexedExample[];
  /** Inverse document frequency of each example token, documents being the examples. */
  readonly idf: ReadonlyMap<string, number>;
  /** The weight given to a token no example contains (as rare as can be). */
  readonly unknownWeight: number;
  /** Example tokens an utterance token matches, with a credit of 1 (exact) or FUZZY_CREDIT. */
  matchesOf(token: string): ReadonlyMap<string, number>;
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
  const raw: Array<Omit<IndexedExample, "weight" | "tokenSet">> = [];
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
  const examples = raw.map((ex) => ({ ...ex, tokenSet: new Set(ex.tokens), weight: ex.tokens.reduce((s, t) => s + (idf.get(t) ?? 0), 0) }));
  const vocabulary = [...idf.keys()];
  const matchCache = new Map<string, ReadonlyMap<string, number>>();

  function matchesOf(token: string): ReadonlyMap<string, number> {
    let found = matchCache.get(token);
    if (found) return found;
    const map = new Map<string, number>();
    for (const word of vocabulary) {
      if (word === token) map.set(word, 1);
      else if (isFuzzyTokenMatch(token, word)) map.set(word, FUZZY_CREDIT);
    }
    found = map;
    // Bounded so a long-lived index cannot grow without limit on open-ended input.
    if (matchCache.size > 10_000) matchCache.clear();
    matchCache.set(token, found);
    return found;
  }

  return { intents, examples, idf, unknownWeight, matchesOf };
}

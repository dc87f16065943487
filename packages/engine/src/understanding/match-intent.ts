import type { ParsedIntent } from "@voxchart/flow";
import { scoreTable } from "./score-table";

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
  const table = scoreTable(text, intents);
  const scores: IntentScore[] = [];
  for (let i = 0; i < intents.length; i++) {
    const example = table.index.examples[table.example[i] ?? -1];
    if (!example) continue;
    scores.push({ name: intents[i]?.name ?? "", score: table.score[i] ?? 0, specificity: table.specificity[i] ?? 0, example: example.normalized });
  }
  // Stable sort: equal scores keep the intents' order.
  return scores.sort((a, b) => b.score - a.score);
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
  if (intents.length === 0) return null;
  // Reads the table in scoreIntents' order (score, then position) without building or sorting it all.
  const { score, specificity, example } = scoreTable(text, intents);
  let top = -1;
  for (let i = 0; i < intents.length; i++) {
    if ((example[i] ?? -1) >= 0 && (top < 0 || (score[i] ?? 0) > (score[top] ?? 0))) top = i;
  }
  const topScore = score[top] ?? 0;
  if (top < 0 || topScore <= threshold) return null;
  const contenders: number[] = [];
  for (let i = 0; i < intents.length; i++) {
    const s = score[i] ?? 0;
    if (i !== top && (example[i] ?? -1) >= 0 && s > threshold && topScore - s <= margin) insertByScore(contenders, i, score);
  }
  let chosen = top;
  for (const i of contenders) if ((specificity[i] ?? 0) > (specificity[chosen] ?? 0) + 1e-9) chosen = i;
  return { name: intents[chosen]?.name ?? "", confidence: Math.round((score[chosen] ?? 0) * 1000) / 1000 };
}

/** Inserts intent `i` after every intent scoring at least as much (best first, earlier first on a tie). */
function insertByScore(list: number[], i: number, score: Float64Array): void {
  let at = list.length;
  while (at > 0 && (score[list[at - 1] ?? 0] ?? 0) < (score[i] ?? 0)) at--;
  list.splice(at, 0, i);
}

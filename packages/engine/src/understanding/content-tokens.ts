import { stemToken } from "./stem-token";
import { NEGATIONS, STOP_WORDS } from "./word-lists";

export interface ContentTokens {
  /** Stemmed tokens without stop words, in order, duplicates removed. */
  tokens: string[];
  /** The text says "not", "never", ... (an opening "no" is an answer, not a negation). */
  negated: boolean;
}

/** One lookup per word: negations count even where they are stop words too. */
const WORD_KIND = new Map<string, "negation" | "stop">([...[...STOP_WORDS].map((w) => [w, "stop"] as const), ...[...NEGATIONS].map((w) => [w, "negation"] as const)]);

/** The tokens that carry meaning for intent scoring. Negations are kept as tokens too. */
export function contentTokens(tokens: readonly string[]): ContentTokens {
  const seen = new Set<string>();
  const kept: string[] = [];
  let negated = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const kind = WORD_KIND.get(token);
    if (kind === "negation" || (token === "no" && i > 0)) negated = true;
    if (kind === "stop") continue;
    const stem = stemToken(token);
    if (!seen.has(stem)) {
      seen.add(stem);
      kept.push(stem);
    }
  }
  return { tokens: kept, negated };
}

/** "talk_to_human" / "talkToHuman" → "talk to human": an intent's name counts as an example. */
export function intentNameAsText(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\d]+/g, " ")
    .trim();
}

import { stemToken } from "./stem-token";
import { NEGATIONS, STOP_WORDS } from "./word-lists";

export interface ContentTokens {
  /** Stemmed tokens without stop words, in order, duplicates removed. */
  tokens: string[];
  /** The text says "not", "never", ... (an opening "no" is an answer, not a negation). */
  negated: boolean;
}

/** The tokens that carry meaning for intent scoring. Negations are kept as tokens too. */
export function contentTokens(tokens: readonly string[]): ContentTokens {
  const seen = new Set<string>();
  let negated = false;
  tokens.forEach((token, i) => {
    if (NEGATIONS.has(token) || (token === "no" && i > 0)) negated = true;
    if (STOP_WORDS.has(token) && !NEGATIONS.has(token)) return;
    seen.add(stemToken(token));
  });
  return { tokens: [...seen], negated };
}

/** "talk_to_human" / "talkToHuman" → "talk to human": an intent's name counts as an example. */
export function intentNameAsText(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\d]+/g, " ")
    .trim();
}

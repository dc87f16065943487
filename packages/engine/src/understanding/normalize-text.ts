/**
 * Text normalisation shared by intent matching and slot extraction: lowercase, contractions
 * expanded, punctuation dropped except where it is part of a number, time, date or phone
 * ("19:30", "3/12", "3.5", "555-123-4567", "+1").
 */

const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwon't\b/g, "will not"],
  [/\bcan't\b/g, "can not"],
  [/\bcannot\b/g, "can not"],
  [/\bshan't\b/g, "shall not"],
  [/\bain't\b/g, "is not"],
  [/\blet's\b/g, "let us"],
  [/\b(it|that|there|what|here|he|she|who|where|how)'s\b/g, "$1 is"],
  [/n't\b/g, " not"],
  [/'re\b/g, " are"],
  [/'ve\b/g, " have"],
  [/'ll\b/g, " will"],
  [/'d\b/g, " would"],
  [/\bi'm\b/g, "i am"],
  [/\bo'clock\b/g, "oclock"],
  [/\by'all\b/g, "you all"],
];

/** Lowercases, expands contractions and keeps only word, number and in-number punctuation characters. */
export function normalizeText(text: string): string {
  let s = text.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'");
  // "p.m." / "a.m." lose their dots before punctuation is stripped.
  s = s.replace(/\b([ap])\.\s?m\b\.?/g, "$1m");
  if (s.includes("'") || s.includes("cannot")) for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  // Keep ":/.,-" only between digits and "+" only before a digit; everything else is a separator.
  s = s
    .replace(/(\d)[:/.,-](?=\d)/g, (m) => m.replace(/[:/.,-]/, (c) => SAFE[c] ?? c))
    .replace(/\+(?=\d)/g, "\u0001")
    .replace(/[^a-z0-9\u0001-\u0006\s]+/g, " ")
    .replace(/[\u0001-\u0006]/g, (c) => UNSAFE[c] ?? c)
    // "7pm" → "7 pm"; "3rd" stays one token.
    .replace(/(\d)(am|pm)\b/g, "$1 $2");
  return s.replace(/\s+/g, " ").trim();
}

// In-number punctuation is swapped for control characters while other punctuation is removed.
const SAFE: Readonly<Record<string, string>> = { ":": "\u0002", "/": "\u0003", ".": "\u0004", ",": "\u0005", "-": "\u0006" };
const UNSAFE: Readonly<Record<string, string>> = {
  "\u0001": "+",
  "\u0002": ":",
  "\u0003": "/",
  "\u0004": ".",
  "\u0005": ",",
  "\u0006": "-",
};

/** Splits normalised text into tokens. */
export function tokenize(normalized: string): string[] {
  return normalized === "" ? [] : normalized.split(" ");
}

const recent = new Map<string, readonly string[]>();

/**
 * normalizeText then tokenize. One turn reads the same text several times (intent, slots,
 * confirmation), so the last few results are kept.
 */
export function toTokens(text: string): readonly string[] {
  let tokens = recent.get(text);
  if (!tokens) {
    tokens = Object.freeze(tokenize(normalizeText(text)));
    if (recent.size >= 8) recent.delete(recent.keys().next().value as string);
    recent.set(text, tokens);
  }
  return tokens;
}

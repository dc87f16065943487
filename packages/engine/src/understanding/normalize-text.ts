/**
 * Text normalisation shared by intent matching and slot extraction: lowercase, contractions
 * expanded, punctuation dropped except where it is part of a number, time, date or phone
 * ("19:30", "3/12", "3.5", "555-123-4567", "+1").
 */

/** Each contraction with a literal it cannot match without, to skip the regex cheaply. */
const CONTRACTIONS: ReadonlyArray<readonly [string, RegExp, string]> = [
  ["won't", /\bwon't\b/g, "will not"],
  ["can't", /\bcan't\b/g, "can not"],
  ["cannot", /\bcannot\b/g, "can not"],
  ["shan't", /\bshan't\b/g, "shall not"],
  ["ain't", /\bain't\b/g, "is not"],
  ["let's", /\blet's\b/g, "let us"],
  ["'s", /\b(it|that|there|what|here|he|she|who|where|how)'s\b/g, "$1 is"],
  ["n't", /n't\b/g, " not"],
  ["'re", /'re\b/g, " are"],
  ["'ve", /'ve\b/g, " have"],
  ["'ll", /'ll\b/g, " will"],
  ["'d", /'d\b/g, " would"],
  ["i'm", /\bi'm\b/g, "i am"],
  ["o'clock", /\bo'clock\b/g, "oclock"],
  ["y'all", /\by'all\b/g, "you all"],
];

/** Lowercase text with nothing to strip, expand or protect: only spaces, a-z and 0-9. */
const PLAIN = /^[a-z0-9 ]*$/;

/** Lowercases, expands contractions and keeps only word, number and in-number punctuation characters. */
export function normalizeText(text: string): string {
  let s = text.toLowerCase();
  if (PLAIN.test(s) && !s.includes("cannot")) return collapseSpaces(s.replace(/(\d)(am|pm)\b/g, "$1 $2"));
  s = s.replace(/[\u2018\u2019\u02bc`]/g, "'");
  // "p.m." / "a.m." lose their dots before punctuation is stripped.
  if (s.includes(".")) s = s.replace(/\b([ap])\.\s?m\b\.?/g, "$1m");
  if (s.includes("'") || s.includes("cannot")) for (const [literal, pattern, replacement] of CONTRACTIONS) if (s.includes(literal)) s = s.replace(pattern, replacement);
  // Keep ":/.,-" only between digits and "+" only before a digit; everything else is a separator.
  s = s
    .replace(/(\d)[:/.,-](?=\d)/g, protectPunctuation)
    .replace(/\+(?=\d)/g, "\u0001")
    .replace(/[^a-z0-9\u0001-\u0006\s]+/g, " ")
    .replace(/[\u0001-\u0006]/g, restorePunctuation)
    // "7pm" → "7 pm"; "3rd" stays one token.
    .replace(/(\d)(am|pm)\b/g, "$1 $2");
  return s.replace(/\s+/g, " ").trim();
}

/** Spaces only (the plain case): runs become one space, ends are trimmed. */
function collapseSpaces(s: string): string {
  return (s.includes("  ") ? s.replace(/ {2,}/g, " ") : s).trim();
}

/** A digit and the punctuation after it ("9:"), the punctuation swapped for its placeholder. */
function protectPunctuation(match: string): string {
  const c = match.charAt(1);
  return match.charAt(0) + (SAFE[c] ?? c);
}

function restorePunctuation(c: string): string {
  return UNSAFE[c] ?? c;
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

interface Normalized {
  text: string;
  tokens: readonly string[];
}

const recent = new Map<string, Normalized>();

/** normalizeText and its tokens. One turn reads the same text several times (intent, slots, confirmation), so the last few are kept. */
function normalized(text: string): Normalized {
  let entry = recent.get(text);
  if (!entry) {
    const normal = normalizeText(text);
    entry = { text: normal, tokens: Object.freeze(tokenize(normal)) };
    if (recent.size >= 8) recent.delete(recent.keys().next().value as string);
    recent.set(text, entry);
  }
  return entry;
}

/** normalizeText then tokenize, remembered for the last few texts. */
export function toTokens(text: string): readonly string[] {
  return normalized(text).tokens;
}

/** normalizeText, remembered with toTokens (the tokens joined by spaces). */
export function toNormalizedText(text: string): string {
  return normalized(text).text;
}

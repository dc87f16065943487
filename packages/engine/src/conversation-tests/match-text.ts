import { regexMatcherParts } from "@voxchart/flow";

/** A `/regex/flags` matcher, or null when the text is a plain substring (or the regex is invalid). */
export function regexOf(matcher: string): RegExp | null {
  const parts = regexMatcherParts(matcher);
  if (!parts) return null;
  try {
    return new RegExp(parts.source, parts.flags);
  } catch {
    return null;
  }
}

export function isRegexLiteral(matcher: string): boolean {
  return regexMatcherParts(matcher) !== null;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** Substrings match case-insensitively with whitespace squashed; regexes match as written. */
export function matchesText(matcher: string, text: string): boolean {
  const re = regexOf(matcher);
  if (re) return re.test(text);
  return squash(text).includes(squash(matcher));
}

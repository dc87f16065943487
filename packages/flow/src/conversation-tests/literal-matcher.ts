/** A `bot:` matcher written `/source/flags` is a regular expression; anything else is a substring. */
const REGEX_MATCHER = /^\/(.+)\/([dgimsuvy]*)$/s;

/** The source and flags of a `/regex/flags` matcher, or null when the matcher is a substring. */
export function regexMatcherParts(matcher: string): { source: string; flags: string } | null {
  const m = REGEX_MATCHER.exec(matcher);
  return m ? { source: m[1] as string, flags: m[2] as string } : null;
}

/**
 * A `bot:` matcher for exactly this line: the line itself (matchers are substrings), escaped into
 * a /regex/ when it would otherwise read as one.
 */
export function literalMatcher(line: string): string {
  return REGEX_MATCHER.test(line) ? `/${line.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}/` : line;
}

/**
 * A `bot:` matcher for exactly this line: the line itself (matchers are substrings), escaped into
 * a /regex/ when it would otherwise read as one.
 */
export function literalMatcher(line: string): string {
  return /^\/.*\/[a-z]*$/s.test(line) ? `/${line.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}/` : line;
}

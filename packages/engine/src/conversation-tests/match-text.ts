/** A `/regex/flags` matcher, or null when the text is a plain substring. */
export function regexOf(matcher: string): RegExp | null {
  const m = /^\/(.+)\/([dgimsuvy]*)$/s.exec(matcher);
  if (!m) return null;
  try {
    return new RegExp(m[1] as string, m[2]);
  } catch {
    return null;
  }
}

export function isRegexLiteral(matcher: string): boolean {
  return /^\/(.+)\/([dgimsuvy]*)$/s.test(matcher);
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** Substrings match case-insensitively with whitespace squashed; regexes match as written. */
export function matchesText(matcher: string, text: string): boolean {
  const re = regexOf(matcher);
  if (re) return re.test(text);
  return squash(text).includes(squash(matcher));
}

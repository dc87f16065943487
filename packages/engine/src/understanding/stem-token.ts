import { hasDigit } from "./has-digit";

/**
 * A deliberately light suffix stripper ("booking" → "book", "tables" → "table"). It only has to
 * map a word and its inflections to the same key on both sides of a comparison, not to produce
 * dictionary stems, so it stays small and predictable.
 */
export function stemToken(token: string): string {
  if (token.length <= 3 || hasDigit(token)) return token;
  let t = token;
  if (t.endsWith("ies") && t.length > 4) t = `${t.slice(0, -3)}y`;
  else if (t.endsWith("sses")) t = t.slice(0, -2);
  else if (t.endsWith("ing") && t.length > 5) t = undouble(t.slice(0, -3));
  else if (t.endsWith("ed") && t.length > 4) t = undouble(t.slice(0, -2));
  else if (t.endsWith("es") && /(?:ch|sh|x|z|ss)es$/.test(t)) t = t.slice(0, -2);
  else if (t.endsWith("s") && !t.endsWith("ss") && !t.endsWith("us") && !t.endsWith("is")) t = t.slice(0, -1);
  if (t.endsWith("ly") && t.length > 5) t = t.slice(0, -2);
  if (t.endsWith("e") && t.length > 4) t = t.slice(0, -1);
  return t;
}

const recent: Array<{ tokens: readonly string[]; stems: readonly string[] }> = [];

/**
 * stemToken of each token. Several readers of one turn stem the same (frozen, cached) tokens
 * array, so the last few frozen arrays' stems are kept, found by identity.
 */
export function stemsOf(tokens: readonly string[]): readonly string[] {
  for (const entry of recent) if (entry.tokens === tokens) return entry.stems;
  const stems = tokens.map(stemToken);
  if (Object.isFrozen(tokens)) {
    if (recent.length >= 4) recent.shift();
    recent.push({ tokens, stems: Object.freeze(stems) });
  }
  return stems;
}

/** "stopp" → "stop", "plann" → "plan"; keeps "ll"/"ss"/"zz" ("call", "pass"). */
function undouble(t: string): string {
  const last = t[t.length - 1];
  if (t.length > 3 && last === t[t.length - 2] && last !== "l" && last !== "s" && last !== "z") return t.slice(0, -1);
  return t;
}

/**
 * The part of a phrase a caller has heard when `playedMs` of its `totalMs` of audio has played,
 * cut at a word boundary: a word counts once it has been spoken whole. Speech is taken to move
 * through the text at an even rate, which holds well enough within one phrase. While synthesis
 * still streams, `totalMs` is what has arrived so far, so the estimate errs on the side of
 * "not heard yet".
 */
export function heardWords(phrase: string, playedMs: number, totalMs: number): string {
  if (totalMs <= 0 || playedMs <= 0) return "";
  const text = phrase.trim();
  if (playedMs >= totalMs) return text;
  const spokenChars = Math.floor((text.length * playedMs) / totalMs);
  // The next character being a space (or the end) means the word before it is complete.
  if (spokenChars >= text.length) return text;
  if (text[spokenChars] === " ") return text.slice(0, spokenChars).trimEnd();
  const lastSpace = text.lastIndexOf(" ", spokenChars);
  return lastSpace > 0 ? text.slice(0, lastSpace).trimEnd() : "";
}

import { normalizeText } from "../understanding";

/** Sounds and acknowledgements that are not a turn: they must not cut the assistant off. */
const NON_TURNS = new Set(["", "mm", "mhm", "mm hmm", "mmhmm", "uh huh", "uhhuh", "hmm", "uh", "um", "ah", "oh", "er", "cough"]);

export function isFalseInterruption(text: string): boolean {
  return NON_TURNS.has(normalizeText(text).replace(/-/g, " ").trim());
}

/** A speculative result is reused only if the final transcript says the same words. */
export function sameUtterance(a: string, b: string): boolean {
  return normalizeText(a) === normalizeText(b);
}

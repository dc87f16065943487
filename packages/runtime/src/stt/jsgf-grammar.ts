import { JSGF_NUMBER_RULES } from "./number-words";
import { NUMBER_SLOT, normalizePhrase } from "./phrase-normalizer";

/**
 * Builds a JSGF grammar that accepts exactly the expected phrases. Phrases with words the
 * dictionary lacks are left out (and reported), since pocketsphinx cannot load them.
 */
export interface GrammarBuild {
  /** The grammar text, or undefined when no phrase is usable (listen with the open LM). */
  jsgf: string | undefined;
  /** Normalised phrases that made it in. */
  accepted: string[];
  /** Phrases left out, with the unknown words. */
  rejected: { phrase: string; unknownWords: string[] }[];
}

export function buildJsgfGrammar(phrases: readonly string[], dictionary: ReadonlySet<string>): GrammarBuild {
  const accepted: string[] = [];
  const rejected: GrammarBuild["rejected"] = [];
  let usesNumber = false;
  for (const phrase of phrases) {
    const tokens = normalizePhrase(phrase);
    if (tokens.length === 0) continue;
    const unknownWords = tokens.filter((t) => t !== NUMBER_SLOT && !dictionary.has(t));
    if (unknownWords.length > 0) {
      rejected.push({ phrase, unknownWords });
      continue;
    }
    if (tokens.includes(NUMBER_SLOT)) usesNumber = true;
    const text = tokens.join(" ");
    if (!accepted.includes(text)) accepted.push(text);
  }
  if (accepted.length === 0) return { jsgf: undefined, accepted, rejected };
  const alternatives = accepted.map((p) => `( ${p.split(" ").map((t) => (t === NUMBER_SLOT ? "<number>" : t)).join(" ")} )`);
  const lines = ["#JSGF V1.0;", "grammar voxchart;", `public <utterance> = ${alternatives.join(" | ")};`];
  if (usesNumber) lines.push(...JSGF_NUMBER_RULES);
  return { jsgf: lines.join("\n") + "\n", accepted, rejected };
}

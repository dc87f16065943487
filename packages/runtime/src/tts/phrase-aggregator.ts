import { z } from "zod";

/**
 * Gathers streamed text (LLM tokens) into speakable phrases, so TTS can start on the first
 * sentence while the rest is still being generated. A phrase ends at a sentence end (. ! ? …)
 * or, once it is at least `minChars` long, at a clause break (, ; : —); a boundary only counts
 * when whitespace follows it, so "3.5" and "e.g." stay whole. Overlong text is cut at a space.
 */
export const PhraseAggregatorSchema = z.object({
  /** A clause break ends a phrase only past this length (short clauses sound choppy). */
  minChars: z.number().int().min(0).default(20),
  /** A sentence end ends a phrase only past this length ("Ok." alone is fine). */
  minSentenceChars: z.number().int().min(0).default(2),
  maxChars: z.number().int().positive().default(200),
});
export type PhraseAggregatorOptions = z.input<typeof PhraseAggregatorSchema>;

export interface PhraseAggregator {
  /** Adds text; returns the phrases it completed (often none). */
  push(text: string): string[];
  /** Returns what is left as a last phrase (end of the response). */
  flush(): string | undefined;
  /** Drops buffered text (on interruption). */
  reset(): void;
}

const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e", "no", "approx", "jr", "sr"]);
const SENTENCE_END = /[.!?…]["')\]]*$/;
const CLAUSE_END = /[,;:\u2014\u2013]$/;

export function createPhraseAggregator(options: PhraseAggregatorOptions = {}): PhraseAggregator {
  const o = PhraseAggregatorSchema.parse(options);
  let buffer = "";

  function isBoundary(phrase: string): boolean {
    const trimmed = phrase.trimEnd();
    if (SENTENCE_END.test(trimmed)) {
      const lastWord = (trimmed.split(/\s+/).pop() ?? "").toLowerCase().replace(/[.!?…"')\]]+$/, "");
      if (trimmed.endsWith(".") && (ABBREVIATIONS.has(lastWord) || /^[a-z]$/.test(lastWord))) return false;
      return trimmed.length >= o.minSentenceChars;
    }
    return CLAUSE_END.test(trimmed) && trimmed.length >= o.minChars;
  }

  return {
    push(text) {
      buffer += text;
      const phrases: string[] = [];
      // Candidate boundaries: punctuation followed by whitespace.
      let searchFrom = 0;
      for (;;) {
        const match = /[.!?…,;:\u2014\u2013]["')\]]*\s/g;
        match.lastIndex = searchFrom;
        const m = match.exec(buffer);
        if (!m) break;
        const end = m.index + m[0].length;
        const candidate = buffer.slice(0, end);
        if (isBoundary(candidate)) {
          const phrase = candidate.trim();
          if (phrase) phrases.push(phrase);
          buffer = buffer.slice(end);
          searchFrom = 0;
        } else {
          searchFrom = end;
        }
      }
      while (buffer.length > o.maxChars) {
        const cut = buffer.lastIndexOf(" ", o.maxChars);
        const at = cut > 0 ? cut : o.maxChars;
        phrases.push(buffer.slice(0, at).trim());
        buffer = buffer.slice(at).trimStart();
      }
      return phrases;
    },
    flush() {
      const rest = buffer.trim();
      buffer = "";
      return rest || undefined;
    },
    reset() {
      buffer = "";
    },
  };
}

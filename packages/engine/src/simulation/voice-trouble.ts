import { z } from "zod";

/**
 * What real calls do to a user's words, injected into a text simulation so a flow's handling of
 * them can be tested without audio. All of it is deterministic (seeded).
 */
export const VoiceTroubleSchema = z.discriminatedUnion("type", [
  /** The recogniser substitutes and drops words at `rate` (0..1), reproducibly for a `seed`. */
  z.object({ type: z.literal("recognition"), rate: z.number().min(0).max(1), seed: z.number().int().default(1) }),
  /** Early endpointing: the utterance arrives as two turns, cut after `atWord` words, `gapMs` apart. */
  z.object({ type: z.literal("split"), atWord: z.number().int().min(1).optional(), gapMs: z.number().int().min(0).default(250) }),
  /** The user does not wait: they speak `afterMs` into the assistant's previous answer. */
  z.object({ type: z.literal("bargeIn"), afterMs: z.number().int().min(0) }),
]);
export type VoiceTrouble = z.input<typeof VoiceTroubleSchema>;

/** mulberry32: a tiny seeded PRNG, enough for reproducible noise. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Confusions a recogniser really makes: homophones and near-sounding words.
const CONFUSIONS: Record<string, string> = {
  for: "four", four: "for", to: "two", two: "to", too: "two", eight: "ate", ate: "eight", one: "won", won: "one",
  right: "write", no: "know", know: "no", yes: "yet", friday: "fried a", monday: "man day", tuesday: "choose day",
  nine: "nein", ten: "then", then: "ten", seven: "several", six: "sex", table: "cable", book: "look", time: "tie",
  people: "pebble", human: "humane", agent: "asian", claim: "clean", car: "card", hurt: "heard", name: "main",
};

/** Substitutes (with a confusable word, else a neighbour's) or drops words at the given rate. */
export function corruptTranscript(text: string, rate: number, seed: number): string {
  const random = seededRandom(seed);
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const word of words) {
    if (random() >= rate) {
      out.push(word);
      continue;
    }
    const bare = word.toLowerCase().replace(/[^a-z']/g, "");
    const confusion = CONFUSIONS[bare];
    if (confusion && random() < 0.7) out.push(confusion);
    // otherwise the word is lost
  }
  return out.join(" ");
}

/** Splits an utterance where early endpointing would: after `atWord` words (default: the middle). */
export function splitUtterance(text: string, atWord?: number): [string, string] {
  const words = text.split(/\s+/).filter(Boolean);
  const cut = Math.min(Math.max(1, atWord ?? Math.ceil(words.length / 2)), Math.max(1, words.length - 1));
  return [words.slice(0, cut).join(" "), words.slice(cut).join(" ")];
}

import { numberToWords } from "./number-words";

/** The slot token that stands for a spoken number inside a phrase. */
export const NUMBER_SLOT = "{number}";

/**
 * Turns a phrase as an author wrote it ("Table for 4, please!") into the lower-case word
 * tokens a recogniser's dictionary uses ("table for four please"); `{number}` is kept as a slot.
 */
export function normalizePhrase(phrase: string): string[] {
  const spaced = phrase
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\{number\}/g, " \u0000 ")
    .replace(/(\d+)(st|nd|rd|th)\b/g, "$1")
    .replace(/\d{1,6}/g, (digits) => ` ${numberToWords(Number(digits))} `)
    .replace(/&/g, " and ")
    .replace(/[^a-z'\u0000]+/g, " ");
  return spaced
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w.length > 0)
    .map((w) => (w === "\u0000" ? NUMBER_SLOT : w));
}

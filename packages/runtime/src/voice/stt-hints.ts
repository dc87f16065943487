import type { CompiledNode } from "@voxchart/flow";

const YES_NO = ["yes", "no", "yeah", "nope", "correct", "that's right", "not really"];
const DATE_WORDS = ["today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "next week"];
const TIME_WORDS = ["{number} am", "{number} pm", "at {number}", "noon", "midnight", "half past {number}"];

/**
 * The phrases a node expects, for recognisers that can restrict themselves to them (a grammar):
 * its exits' and active globals' examples, and sample answers for each slot type.
 */
export function sttPhrasesFor(node: CompiledNode): string[] {
  const phrases = new Set<string>();
  for (const intent of [...node.exits, ...node.globals]) for (const example of intent.examples) phrases.add(example);
  for (const slot of node.slots) {
    switch (slot.type) {
      case "yesno":
        YES_NO.forEach((p) => phrases.add(p));
        break;
      case "number":
      case "integer":
        ["{number}", "{number} people", "a party of {number}"].forEach((p) => phrases.add(p));
        break;
      case "date":
        DATE_WORDS.forEach((p) => phrases.add(p));
        break;
      case "time":
        TIME_WORDS.forEach((p) => phrases.add(p));
        break;
      case "enum":
        for (const option of slot.options ?? []) [option.value, ...option.synonyms].forEach((p) => phrases.add(p));
        break;
      default:
        break;
    }
  }
  if (node.node.kind === "collect" && node.node.confirm) YES_NO.forEach((p) => phrases.add(p));
  return [...phrases];
}

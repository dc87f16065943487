import { describe, expect, it } from "vitest";
import { createPhraseAggregator } from "./phrase-aggregator";

function feed(tokens: string[], options = {}): string[] {
  const a = createPhraseAggregator(options);
  const out = tokens.flatMap((t) => a.push(t));
  const rest = a.flush();
  return rest ? [...out, rest] : out;
}

/** Splits text into LLM-like tokens of a few characters. */
function tokens(text: string): string[] {
  return text.match(/.{1,3}/gs) ?? [];
}

describe("phrase aggregator", () => {
  it("emits each sentence as soon as the next token shows it is over", () => {
    const a = createPhraseAggregator();
    expect(a.push("Sure")).toEqual([]);
    expect(a.push(".")).toEqual([]); // could still be "Sure.com"
    expect(a.push(" Let")).toEqual(["Sure."]);
    expect(a.push(" me check that for you! Ok")).toEqual(["Let me check that for you!"]);
    expect(a.flush()).toBe("Ok");
  });

  it("cuts at clause breaks only once a phrase is long enough", () => {
    expect(feed(tokens("Yes, I can book that table for four people, and I will send a confirmation."), { minChars: 20 })).toEqual([
      "Yes, I can book that table for four people,",
      "and I will send a confirmation.",
    ]);
  });

  it("keeps decimals, abbreviations and initials inside a phrase", () => {
    expect(feed(tokens("It costs 3.5 dollars. Dr. Smith and J. R. Jones e.g. agree. Done."))).toEqual([
      "It costs 3.5 dollars.",
      "Dr. Smith and J. R. Jones e.g. agree.",
      "Done.",
    ]);
  });

  it("splits overlong text without punctuation at a space", () => {
    const phrases = feed(tokens("word ".repeat(100)), { maxChars: 50 });
    expect(phrases.length).toBeGreaterThan(5);
    for (const p of phrases) expect(p.length).toBeLessThanOrEqual(50);
    expect(phrases.join(" ").split(" ").filter(Boolean)).toHaveLength(100);
  });

  it("forgets buffered text on reset", () => {
    const a = createPhraseAggregator();
    a.push("I was about to say");
    a.reset();
    expect(a.flush()).toBeUndefined();
  });

  it("keeps closing quotes and brackets with their sentence", () => {
    expect(feed(tokens('He said "hello." Then (quietly.) left.'))).toEqual(['He said "hello."', "Then (quietly.)", "left."]);
  });
});

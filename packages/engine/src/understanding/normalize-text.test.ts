import { describe, expect, it } from "vitest";
import { normalizeText, toNormalizedText, toTokens } from "./normalize-text";
import { stemsOf, stemToken } from "./stem-token";
import { damerauLevenshtein, isFuzzyTokenMatch } from "./damerau-levenshtein";

describe("normalizeText", () => {
  it.each([
    ["I'd like a table at 7pm, please!", "i would like a table at 7 pm please"],
    ["Don't transfer me.", "do not transfer me"],
    ["It’s 19:30 on 3/12", "it is 19:30 on 3/12"],
    ["call +1 555-123-4567", "call +1 555-123-4567"],
    ["3.5 or 1,000 people", "3.5 or 1,000 people"],
    ["7 p.m. o'clock", "7 pm oclock"],
    ["twenty-five", "twenty five"],
    ["I can't, we won't", "i can not we will not"],
  ])("%j → %j", (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });

  it.each(["plain words  with  spaces ", "  7pm table", "cannot come", "No, make it 7:30 p.m.!", "Ｆｕｌｌ width", "tab\tand\nnewline"])(
    "normalises %j as the tokens joined by spaces",
    (text) => {
      expect(toNormalizedText(text)).toBe(normalizeText(text));
      expect(toTokens(text).join(" ")).toBe(normalizeText(text));
    },
  );

  it("gives no tokens for empty or punctuation-only text", () => {
    expect(toTokens("")).toEqual([]);
    expect(toTokens(" ?! ")).toEqual([]);
  });
});

describe("stemToken", () => {
  it.each([
    ["booking", "book"],
    ["booked", "book"],
    ["tables", "table"],
    ["reservations", "reservation"],
    ["stopped", "stop"],
    ["bus", "bus"],
  ])("maps %s and its stem to the same key", (word, base) => {
    expect(stemToken(word)).toBe(stemToken(base));
  });
});

describe("stemsOf", () => {
  it("stems each token", () => {
    expect(stemsOf(["booking", "tables", "at", "7"])).toEqual(["booking", "tables", "at", "7"].map(stemToken));
  });

  it("reuses the stems of a recent frozen tokens array", () => {
    const tokens = toTokens("booking two tables");
    expect(stemsOf(tokens)).toBe(stemsOf(tokens));
  });

  it("does not reuse stems for an array that may change", () => {
    const tokens = ["booking"];
    expect(stemsOf(tokens)).toEqual([stemToken("booking")]);
    tokens[0] = "tables";
    expect(stemsOf(tokens)).toEqual([stemToken("tables")]);
  });
});

describe("fuzzy token matching", () => {
  it("counts a transposition as one edit", () => {
    expect(damerauLevenshtein("wnat", "want", 3)).toBe(1);
  });

  it.each([
    ["speek", "speak", true],
    ["wnat", "want", true],
    ["resevation", "reservation", true],
    ["resrvaton", "reservation", true],
    ["cat", "car", false],
    ["book", "cook", true],
    ["human", "woman", false],
  ])("%s ~ %s is %s", (a, b, expected) => {
    expect(isFuzzyTokenMatch(a, b)).toBe(expected);
  });
});

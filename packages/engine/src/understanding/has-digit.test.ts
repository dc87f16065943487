import { describe, expect, it } from "vitest";
import { hasDigit, startsWithDigit } from "./has-digit";

describe("hasDigit", () => {
  it.each([
    ["7pm", true],
    ["room 12", true],
    ["seven", false],
    ["", false],
    ["٣", false], // only ASCII digits count, as with /\d/
  ])("%j → %s", (text, expected) => {
    expect(hasDigit(text)).toBe(expected);
    expect(hasDigit(text)).toBe(/\d/.test(text));
  });
});

describe("startsWithDigit", () => {
  it.each([
    ["3rd", true],
    ["0", true],
    ["+1", false],
    ["a1", false],
    ["", false],
  ])("%j → %s", (text, expected) => {
    expect(startsWithDigit(text)).toBe(expected);
  });
});

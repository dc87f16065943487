import { describe, expect, it } from "vitest";
import { heardWords } from "./heard-words";

const PHRASE = "with a light breeze from the west";

describe("heardWords", () => {
  it("hears nothing before the first word has been spoken whole", () => {
    expect(heardWords(PHRASE, 0, 1000)).toBe("");
    expect(heardWords(PHRASE, 50, 1000)).toBe("");
  });

  it("hears the words spoken whole, in proportion to the audio played", () => {
    // 33 characters over 1 s: "with a light" ends at character 12 (~364 ms).
    expect(heardWords(PHRASE, 370, 1000)).toBe("with a light");
    expect(heardWords(PHRASE, 350, 1000)).toBe("with a");
  });

  it("hears the whole phrase once all its audio has played", () => {
    expect(heardWords(PHRASE, 1000, 1000)).toBe(PHRASE);
    expect(heardWords(`  ${PHRASE} `, 1200, 1000)).toBe(PHRASE);
  });

  it("hears nothing of a phrase with no audio yet", () => {
    expect(heardWords(PHRASE, 100, 0)).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { simulatedStep } from "../test-support/simulated-step";
import { checkTurn } from "./check-turn";
import { matchesText } from "./match-text";

const step = simulatedStep;

describe("checkTurn", () => {
  it("matches substrings case-insensitively and regexes as written", () => {
    expect(matchesText("how MANY", "How many people?")).toBe(true);
    expect(matchesText("/^How many/", "How many people?")).toBe(true);
    expect(matchesText("/^how many/", "How many people?")).toBe(false);
    expect(matchesText("/^how many/i", "How many people?")).toBe(true);
  });

  it("matches a list line by line, and the line count must agree", () => {
    expect(checkTurn({ bot: ["hello", "/people\\?$/"] }, step())).toBeNull();
    expect(checkTurn({ bot: ["hello"] }, step())).toMatchObject({ field: "bot", actual: '"Hello there." / "How many people?"' });
    expect(checkTurn({ bot: [] }, step({ bot: [] }))).toBeNull();
  });

  it("compares variables by deep equality, only those listed", () => {
    expect(checkTurn({ vars: { tags: ["a"] } }, step())).toBeNull();
    expect(checkTurn({ vars: { missing: null } }, step())).toBeNull();
    expect(checkTurn({ vars: { size: "2" } }, step())).toMatchObject({ expected: 'size = "2"', actual: "size = 2" });
  });

  it("reports an invalid regular expression as a mismatch", () => {
    expect(checkTurn({ bot: "/(unclosed/" }, step())).toMatchObject({ expected: "a valid regular expression" });
  });
});

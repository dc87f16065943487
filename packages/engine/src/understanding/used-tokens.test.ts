import { describe, expect, it } from "vitest";
import { anyUsed } from "./used-tokens";

describe("anyUsed", () => {
  const used = [false, true, false, false];

  it("finds a used token inside the range", () => {
    expect(anyUsed(used, 0, 2)).toBe(true);
    expect(anyUsed(used, 1, 2)).toBe(true);
  });

  it("ignores used tokens outside the range (end excluded)", () => {
    expect(anyUsed(used, 2, 4)).toBe(false);
    expect(anyUsed(used, 0, 1)).toBe(false);
  });

  it("treats an empty range, a range past the end and no array as unused", () => {
    expect(anyUsed(used, 1, 1)).toBe(false);
    expect(anyUsed(used, 3, 9)).toBe(false);
    expect(anyUsed(undefined, 0, 4)).toBe(false);
  });
});

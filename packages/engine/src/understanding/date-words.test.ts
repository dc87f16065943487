import { describe, expect, it } from "vitest";
import { isTomorrow, mayStartDate, monthIndex, weekdayIndex } from "./date-words";

describe("date words", () => {
  it("reads weekdays, typos allowed from six letters only", () => {
    expect(weekdayIndex("friday")).toBe(5);
    expect(weekdayIndex("wednsday")).toBe(3);
    expect(weekdayIndex("sun")).toBe(-1);
  });

  it("reads months, abbreviations and typos", () => {
    expect(monthIndex("dec")).toBe(12);
    expect(monthIndex("sept")).toBe(9);
    expect(monthIndex("decmber")).toBe(12);
    expect(monthIndex("table")).toBeUndefined();
    expect(monthIndex(undefined)).toBeUndefined();
  });

  it("reads tomorrow and its short and misspelt forms", () => {
    expect(["tomorrow", "tmrw", "tmr", "tomorow"].every(isTomorrow)).toBe(true);
    expect(isTomorrow("today")).toBe(false);
    expect(isTomorrow(undefined)).toBe(false);
  });

  it.each(["the", "next", "in", "today", "3", "3rd", "third", "twenty", "a", "friday", "wednsday", "dec", "tmrw"])("lets a date start at %j", (word) => {
    expect(mayStartDate(word)).toBe(true);
  });

  it.each(["table", "book", "please", "at", "pm", ""])("rules out a date starting at %j", (word) => {
    expect(mayStartDate(word)).toBe(false);
  });
});

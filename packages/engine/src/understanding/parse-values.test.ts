import { describe, expect, it } from "vitest";
import { matchEnum } from "./match-enum";
import { parseDate } from "./parse-date";
import { parseEmail } from "./parse-email";
import { isOrdinalWord } from "./ordinals";
import { mayStartNumber, parseNumber, readNumberAt } from "./parse-number";
import { isDigitGroup, parsePhone } from "./parse-phone";
import { parseTime } from "./parse-time";
import { parseYesNo } from "./parse-yes-no";

// Wednesday, 25 November 2026, 08:00 UTC.
const now = new Date("2026-11-25T08:00:00Z");

describe("parseNumber", () => {
  it.each([
    ["two people", 2],
    ["a party of 12", 12],
    ["twenty-five", 25],
    ["3.5", 3.5],
    ["a dozen", 12],
    ["half a dozen", 6],
    ["a couple of us", 2],
    ["one hundred and five", 105],
    ["two point five", 2.5],
    ["two and a half", 2.5],
    ["1,000", 1000],
    ["four, no, five", 5],
  ])("%j → %d", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each(["nothing", "a table", "some people"])("finds no number in %j", (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe("parseDate relative to Wednesday 2026-11-25", () => {
  it.each([
    ["today", "2026-11-25"],
    ["tomorrow", "2026-11-26"],
    ["tommorow", "2026-11-26"],
    ["the day after tomorrow", "2026-11-27"],
    ["friday", "2026-11-27"],
    ["on Friday please", "2026-11-27"],
    // A bare weekday is the next one strictly after today.
    ["wednesday", "2026-12-02"],
    // "next" skips the rest of the current week.
    ["next friday", "2026-12-04"],
    ["next monday", "2026-11-30"],
    ["this weekend", "2026-11-28"],
    ["on the 3rd", "2026-12-03"],
    ["the twenty first", "2026-12-21"],
    ["December 3", "2026-12-03"],
    ["dec 3rd", "2026-12-03"],
    ["the 3rd of December", "2026-12-03"],
    ["3 december", "2026-12-03"],
    ["friday the 4th", "2026-12-04"],
    // en-US month/day; a date already past this year is next year's.
    ["3/12", "2027-03-12"],
    ["12/24", "2026-12-24"],
    ["12/24/2027", "2027-12-24"],
    ["November 20", "2027-11-20"],
    ["in two days", "2026-11-27"],
    ["in a week", "2026-12-02"],
    ["2026-12-31", "2026-12-31"],
    ["Dec 3 2027", "2027-12-03"],
  ])("%j → %s", (text, expected) => {
    expect(parseDate(text, now)).toBe(expected);
  });

  it.each(["may I book", "at 3", "two people", "february 30", "13/45"])("finds no date in %j", (text) => {
    expect(parseDate(text, now)).toBeNull();
  });

  it("reads today in the given time zone", () => {
    const lateEvening = new Date("2026-11-26T03:00:00Z"); // still the 25th in New York
    expect(parseDate("today", lateEvening)).toBe("2026-11-26");
    expect(parseDate("today", lateEvening, { timeZone: "America/New_York" })).toBe("2026-11-25");
  });
});

describe("parseTime", () => {
  it.each([
    ["7 pm", "19:00"],
    ["7pm", "19:00"],
    ["7 p.m.", "19:00"],
    ["19:30", "19:30"],
    ["7:30pm", "19:30"],
    ["half past seven", "07:30"],
    ["half past seven tonight", "19:30"],
    ["quarter to eight in the evening", "19:45"],
    ["noon", "12:00"],
    ["midnight", "00:00"],
    ["seven thirty in the evening", "19:30"],
    ["seven oh five pm", "19:05"],
    ["9 in the morning", "09:00"],
    ["12 am", "00:00"],
    ["at 10", "10:00"],
    ["7 o'clock", "07:00"],
    // Bare hours 1–6 are afternoon hours (bookings).
    ["at 5", "17:00"],
    ["six", "18:00"],
  ])("%j → %s", (text, expected) => {
    expect(parseTime(text)).toBe(expected);
  });

  it("lets the bare-hour rule be configured", () => {
    expect(parseTime("at 7", { bareHoursAsPm: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] })).toBe("19:00");
    expect(parseTime("at 5", { bareHoursAsPm: [] })).toBe("05:00");
  });

  it.each(["sometime", "25:00", "the table"])("finds no time in %j", (text) => {
    expect(parseTime(text)).toBeNull();
  });
});

describe("parseYesNo", () => {
  it.each([
    ["yes", true],
    ["yeah sure", true],
    ["Yep, that's right", true],
    ["correct", true],
    ["absolutely", true],
    ["no problem", true],
    ["nope", false],
    ["not really", false],
    ["no, make it Friday", false],
    ["that's not correct", false],
    ["I don't think so", false],
  ])("%j → %s", (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });

  it.each(["I'm not sure", "friday", "maybe"])("hears no answer in %j", (text) => {
    expect(parseYesNo(text)).toBeNull();
  });
});

describe("parseEmail", () => {
  it.each([
    ["my email is A.B@c.org.", "a.b@c.org"],
    ["a dot b at c dot org", "a.b@c.org"],
    ["it's john underscore smith at gmail dot com", "john_smith@gmail.com"],
    ["j o e at mail dot co dot uk please", "joe@mail.co.uk"],
  ])("%j → %s", (text, expected) => {
    expect(parseEmail(text)).toBe(expected);
  });

  it("finds no address in a sentence with 'at' but no domain", () => {
    expect(parseEmail("tomorrow at 7")).toBeNull();
  });
});

describe("parsePhone", () => {
  it.each([
    ["+1 555-123-4567", "+15551234567"],
    ["(555) 123 4567", "5551234567"],
    ["five five five one two three four", "5551234"],
    ["double five five, one two three four", "5551234"],
    ["oh seven seven one two three four five six seven eight", "07712345678"],
  ])("%j → %s", (text, expected) => {
    expect(parsePhone(text)).toBe(expected);
  });

  it.each(["two people", "12 34"])("finds no phone number in %j", (text) => {
    expect(parsePhone(text)).toBeNull();
  });
});

describe("matchEnum", () => {
  const options = [
    { value: "vegetarian", synonyms: ["veggie", "no meat"] },
    { value: "vegan", synonyms: [] },
    { value: "regular", synonyms: ["normal", "standard"] },
  ];

  it.each([
    ["vegetarian please", "vegetarian"],
    ["Veggie", "vegetarian"],
    ["vegitarian", "vegetarian"],
    ["no meat for me", "vegetarian"],
    ["just normal", "regular"],
    ["not vegetarian, vegan", "vegan"],
  ])("%j → %s", (text, expected) => {
    expect(matchEnum(text, options)).toBe(expected);
  });

  it("finds nothing outside the options", () => {
    expect(matchEnum("pescatarian", options)).toBeNull();
  });
});

describe("findNumbers and the pronoun 'one'", () => {
  it.each([
    ["the outside one", null],
    ["that one please", null],
    ["just one", 1],
    ["table for one", 1],
    ["one", 1],
    ["one hundred", 100],
  ])("%j → %s", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });
});

describe("parseTime with 'tonight'", () => {
  it.each([
    ["around 7 tonight", "19:00"],
    ["8 tonight", "20:00"],
  ])("%j → %s", (text, expected) => {
    expect(parseTime(text)).toBe(expected);
  });
});

describe("mayStartNumber", () => {
  it.each(["12", "3rd", "one", "twenty", "a", "half", "dozen", "hundred"])("lets a number start at %j", (word) => {
    expect(mayStartNumber(word)).toBe(true);
  });

  it.each(["table", "the", "first", "", "+1"])("rules out a number at %j", (word) => {
    expect(mayStartNumber(word)).toBe(false);
    expect(readNumberAt([word, "dozen", "hundred"], 0)).toBeNull();
  });
});

describe("isOrdinalWord", () => {
  it("knows ordinal words, not digits or cardinals", () => {
    expect(isOrdinalWord("third")).toBe(true);
    expect(isOrdinalWord("twentieth")).toBe(true);
    expect(isOrdinalWord("3rd")).toBe(false);
    expect(isOrdinalWord("three")).toBe(false);
  });
});

describe("isDigitGroup", () => {
  it.each([
    ["555-123", true],
    ["+1", true],
    ["3.5", true],
    ["4567", true],
    ["+", false],
    ["-5", false],
    ["12a", false],
    ["++1", false],
    ["", false],
  ])("%j → %s (as /^\\+?\\d[\\d.-]*$/)", (token, expected) => {
    expect(isDigitGroup(token)).toBe(expected);
    expect(isDigitGroup(token)).toBe(/^\+?\d[\d.-]*$/.test(token));
  });
});

import { describe, expect, it } from "vitest";
import { slot } from "./restaurant-fixture";
import { validateSlotValue } from "./validate-slot-value";

// Wednesday, 25 November 2026.
const now = new Date("2026-11-25T08:00:00Z");

describe("validateSlotValue: numbers", () => {
  const party = slot({ name: "party_size", type: "integer", constraints: { min: 1, max: 12 } });
  const budget = slot({ name: "budget", type: "number", constraints: { min: 10.5 } });

  it.each([
    [party, 4, 4],
    [party, "4", 4],
    [party, "four", 4],
    [budget, 12.25, 12.25],
  ] as const)("accepts %#", (s, value, expected) => {
    expect(validateSlotValue(s, value, now)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [party, 13, "too_large", "the most is 12"],
    [party, 0, "too_small", "the least is 1"],
    [party, 2.5, "not_integer", "it needs to be a whole number"],
    [party, "lots", "wrong_type", "I need a number"],
    [budget, 3, "too_small", "the least is 10.5"],
  ] as const)("rejects %#", (s, value, code, reason) => {
    expect(validateSlotValue(s, value, now)).toEqual({ ok: false, code, reason });
  });
});

describe("validateSlotValue: dates", () => {
  const date = slot({ name: "date", type: "date", constraints: { earliest: "today", latest: "+7d" } });
  const later = slot({ name: "date", type: "date", constraints: { earliest: "+2d" } });
  const fixed = slot({ name: "date", type: "date", constraints: { earliest: "2026-12-01", latest: "2026-12-24" } });

  it("accepts a date inside the window and normalises spoken dates", () => {
    expect(validateSlotValue(date, "2026-11-25", now)).toEqual({ ok: true, value: "2026-11-25" });
    expect(validateSlotValue(date, "2026-12-02", now)).toEqual({ ok: true, value: "2026-12-02" });
    expect(validateSlotValue(date, "tomorrow", now)).toEqual({ ok: true, value: "2026-11-26" });
  });

  it.each([
    [date, "2026-11-24", "too_early", "that date is in the past"],
    [date, "2026-12-03", "too_late", "that's too far ahead; the latest date is Wednesday, December 2"],
    [later, "2026-11-26", "too_early", "the earliest date is Friday, November 27"],
    [fixed, "2026-12-25", "too_late", "that's too far ahead; the latest date is Thursday, December 24"],
    [date, "2026-02-30", "wrong_type", "I need a date"],
  ] as const)("rejects %#", (s, value, code, reason) => {
    expect(validateSlotValue(s, value, now)).toEqual({ ok: false, code, reason });
  });

  it("names an unreadable bound for the flow's author", () => {
    const broken = slot({ name: "date", type: "date", constraints: { earliest: "soon" } });
    const result = validateSlotValue(broken, "2026-11-30", now);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe("bad_constraint");
      expect(result.reason).toContain('"soon"');
    }
  });
});

describe("validateSlotValue: times", () => {
  const dinner = slot({ name: "time", type: "time", constraints: { earliest: "17:00", latest: "22:30" } });
  const overnight = slot({ name: "time", type: "time", constraints: { earliest: "18:00", latest: "01:00" } });

  it.each([
    [dinner, "19:30", "19:30"],
    [dinner, "7 pm", "19:00"],
    [overnight, "00:30", "00:30"],
    [overnight, "23:00", "23:00"],
  ] as const)("accepts %#", (s, value, expected) => {
    expect(validateSlotValue(s, value, now)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [dinner, "16:00", "too_early", "the earliest time is 5 pm"],
    [dinner, "23:00", "too_late", "the latest time is 10:30 pm"],
    [overnight, "12:00", "too_early", "it has to be between 6 pm and 1 am"],
    [dinner, "teatime", "wrong_type", "I need a time"],
  ] as const)("rejects %#", (s, value, code, reason) => {
    expect(validateSlotValue(s, value, now)).toEqual({ ok: false, code, reason });
  });
});

describe("validateSlotValue: text, enum, yes/no, email, phone", () => {
  const name = slot({ name: "name", type: "text", constraints: { minLength: 2, maxLength: 10 } });
  const code = slot({ name: "code", type: "text", constraints: { pattern: "^[A-Z]{3}\\d{3}$" } });
  const diet = slot({ name: "diet", type: "enum", options: [{ value: "vegetarian", synonyms: ["veggie"] }, { value: "vegan" }, { value: "regular" }] });

  it("accepts and normalises valid values", () => {
    expect(validateSlotValue(name, "  Ana ", now)).toEqual({ ok: true, value: "Ana" });
    expect(validateSlotValue(code, "ABC123", now)).toEqual({ ok: true, value: "ABC123" });
    expect(validateSlotValue(diet, "Veggie", now)).toEqual({ ok: true, value: "vegetarian" });
    expect(validateSlotValue(slot({ name: "ok", type: "yesno" }), "yeah", now)).toEqual({ ok: true, value: true });
    expect(validateSlotValue(slot({ name: "email", type: "email" }), "A.B@C.org", now)).toEqual({ ok: true, value: "a.b@c.org" });
    expect(validateSlotValue(slot({ name: "phone", type: "phone" }), "+1 (555) 123-4567", now)).toEqual({ ok: true, value: "+15551234567" });
  });

  it.each([
    [name, "A", "too_short", "that's too short; it needs at least 2 characters"],
    [name, "Bartholomew Jr", "too_long", "that's too long; it can be at most 10 characters"],
    [code, "abc", "pattern_mismatch", "that doesn't look right"],
    [diet, "pescatarian", "not_an_option", "the choices are vegetarian, vegan or regular"],
    [slot({ name: "ok", type: "yesno" }), "perhaps", "wrong_type", "I need a yes or a no"],
    [slot({ name: "email", type: "email" }), "bob at home", "bad_email", "that doesn't sound like an email address"],
    [slot({ name: "phone", type: "phone" }), "12345", "bad_phone", "that doesn't sound like a phone number"],
  ] as const)("rejects %#", (s, value, errorCode, reason) => {
    expect(validateSlotValue(s, value, now)).toEqual({ ok: false, code: errorCode, reason });
  });

  it("reports a broken pattern as a constraint problem", () => {
    const broken = slot({ name: "code", type: "text", constraints: { pattern: "([" } });
    expect(validateSlotValue(broken, "x", now)).toMatchObject({ ok: false, code: "bad_constraint" });
  });
});

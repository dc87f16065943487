import { describe, expect, it } from "vitest";
import { findDates } from "./parse-date";
import { extractSlots } from "./extract-slots";

describe("dates that look back", () => {
  const today = { year: 2026, month: 11, day: 25 }; // a Wednesday
  const read = (text: string) => findDates(text.split(" "), today, undefined, "past")[0]?.value;

  it("reads a bare weekday, a month and day, and 'last monday' as the most recent past date", () => {
    expect(read("on monday")).toBe("2026-11-23");
    expect(read("november 23")).toBe("2026-11-23");
    expect(read("december 3")).toBe("2025-12-03");
    expect(findDates("last monday".split(" "), today)[0]?.value).toBe("2026-11-23");
  });

  it("reads slots that must lie in the past backwards", () => {
    const slot = { name: "incident", type: "date" as const, required: true, constraints: { latest: "today" } };
    const out = extractSlots("it happened on monday", [slot], { now: new Date("2026-11-25T09:00:00Z") });
    expect(out).toEqual({ incident: "2026-11-23" });
  });
});

import { describe, expect, it } from "vitest";
import { understandLocally } from "./create-local-understanding";
import { RESTAURANT_INTENTS, RESTAURANT_SLOTS } from "./restaurant-fixture";

// Fragments that stress the parsers when glued together at random.
const FRAGMENTS = [
  "at", "7", "pm", "the", "3rd", "of", "december", "twenty", "one", "hundred", "and", "a", "half", "dozen",
  "no", "yes", "not", "in", "two", "days", "@", "dot", "+1", "555-123", "4567", "19:30", "3/12", "2026-02-30",
  "quarter", "past", "to", "midnight", "friday", "next", "😀", "'", "--", "é", "human", "book", "oh", "double",
  "o'clock", "tonight", "for", "people", "1,000", "0.5", ":", "/", "...",
];

describe("local understanding on arbitrary input", () => {
  it("never throws and only returns well-formed values", () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const now = new Date("2026-11-25T08:00:00Z");
    for (let k = 0; k < 2000; k++) {
      const length = Math.floor(random() * 12);
      const text = Array.from({ length }, () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]).join(random() < 0.5 ? " " : "");
      const focusSlot = RESTAURANT_SLOTS[Math.floor(random() * (RESTAURANT_SLOTS.length + 1))]?.name;
      const result = understandLocally({ text, intents: RESTAURANT_INTENTS, slots: RESTAURANT_SLOTS, expectConfirmation: random() < 0.3, focusSlot, now });
      const { date, time, party_size: partySize, phone } = result.slots;
      if (date !== undefined) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (time !== undefined) expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      if (partySize !== undefined) expect(Number.isFinite(partySize)).toBe(true);
      if (phone !== undefined) expect(phone).toMatch(/^\+?\d{7,15}$/);
      if (result.intent) expect(result.intent.confidence).toBeGreaterThan(0.5);
    }
  });

  it("reads a very long utterance", () => {
    const result = understandLocally({
      text: `${"blah ".repeat(2000)}at 7 pm`,
      intents: RESTAURANT_INTENTS,
      slots: RESTAURANT_SLOTS,
      expectConfirmation: false,
      now: new Date("2026-11-25T08:00:00Z"),
    });
    expect(result.slots).toEqual({ time: "19:00" });
  });
});

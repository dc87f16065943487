import { describe, expect, it } from "vitest";
import type { UnderstandRequest } from "../ports/understanding";
import { createLocalUnderstanding } from "./create-local-understanding";
import { RESTAURANT_INTENTS, RESTAURANT_SLOTS } from "./restaurant-fixture";
import { UnderstandingError } from "./understanding-error";

// Wednesday, 25 November 2026.
const now = new Date("2026-11-25T08:00:00Z");
const port = createLocalUnderstanding();
const ask = (text: string, extra: Partial<UnderstandRequest> = {}) =>
  port.understand({ text, intents: RESTAURANT_INTENTS, slots: RESTAURANT_SLOTS, expectConfirmation: false, now, ...extra });

describe("local understanding port", () => {
  it('is named "local"', () => {
    expect(port.name).toBe("local");
  });

  it("matches an intent with typos and fills its arguments from the same utterance", async () => {
    const result = await ask("i'd like to book a tabel for 4 people tomorow at 7 pm", { slots: [] });
    expect(result.intent?.name).toBe("book_table");
    expect(result.intent?.confidence).toBeGreaterThan(0.5);
    expect(result.intent?.arguments).toEqual({ date: "2026-11-26", time: "19:00", party_size: 4 });
    expect(result.slots).toEqual({});
    expect(result.confirmation).toBeNull();
  });

  it("fills several slots from one answer", async () => {
    const result = await ask("tomorrow at 7 pm for two people", { focusSlot: "date" });
    expect(result).toEqual({ intent: null, slots: { date: "2026-11-26", time: "19:00", party_size: 2 }, confirmation: null });
  });

  it('hears "no, make it Friday" as a no plus a corrected date', async () => {
    const result = await ask("no, make it Friday", { expectConfirmation: true });
    expect(result.confirmation).toBe("no");
    expect(result.slots).toEqual({ date: "2026-11-27" });
    expect(result.intent).toBeNull();
  });

  it.each([
    ["yes", "yes"],
    ["yeah that's right", "yes"],
    ["correct", "yes"],
    ["nope", "no"],
    ["not really", "no"],
    ["that's wrong", "no"],
  ] as const)("confirms %j as %s", async (text, expected) => {
    const result = await ask(text, { expectConfirmation: true });
    expect(result.confirmation).toBe(expected);
    expect(result.slots).toEqual({});
  });

  it("does not read a confirmation when none was asked", async () => {
    expect((await ask("yes", { expectConfirmation: false })).confirmation).toBeNull();
  });

  it("does not read a confirmation answer as the asked free-text slot", async () => {
    const result = await ask("yes", { expectConfirmation: true, focusSlot: "name" });
    expect(result.slots).toEqual({});
  });

  it('updates the number slot on "actually 5 people"', async () => {
    expect((await ask("actually 5 people", { focusSlot: "time" })).slots).toEqual({ party_size: 5 });
  });

  it("does not take an intent's words as the focus text slot", async () => {
    const result = await ask("I want to speak to a human", { focusSlot: "name" });
    expect(result.intent?.name).toBe("talk_to_human");
    expect(result.slots).toEqual({});
  });

  it("returns nothing for an unrelated utterance", async () => {
    expect(await ask("what's the weather like", { focusSlot: "date" })).toEqual({ intent: null, slots: {}, confirmation: null });
  });

  it("is deterministic", async () => {
    const a = await ask("next friday at half past 7 in the evening, 3 of us, outside");
    const b = await ask("next friday at half past 7 in the evening, 3 of us, outside");
    expect(b).toEqual(a);
    expect(a.slots).toEqual({ date: "2026-12-04", time: "19:30", party_size: 3, seating: "outdoor" });
  });

  it("rejects with a coded error when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await ask("yes", { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnderstandingError);
    expect((error as UnderstandingError).code).toBe("understanding_aborted");
  });

  it("uses the configured threshold", async () => {
    const strict = createLocalUnderstanding({ intentThreshold: 0.99 });
    const result = await strict.understand({ text: "i wnat to speek to a human", intents: RESTAURANT_INTENTS, slots: [], expectConfirmation: false, now });
    expect(result.intent).toBeNull();
  });
});

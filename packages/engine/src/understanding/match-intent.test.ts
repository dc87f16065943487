import { describe, expect, it } from "vitest";
import { buildIntentIndex, getIntentIndex } from "./intent-index";
import { matchIntent, scoreIntents } from "./match-intent";
import { intent, RESTAURANT_INTENTS } from "./restaurant-fixture";

describe("matchIntent over restaurant intents", () => {
  it.each([
    ["i wnat to speek to a human", "talk_to_human"],
    ["I want to speak to a human", "talk_to_human"],
    ["Can I talk to a real person, please?", "talk_to_human"],
    ["OPERATOR!", "talk_to_human"],
    ["I'd like to book a table for 4 people tomorrow at 7 pm", "book_table"],
    ["can i make a resevation", "book_table"],
    ["I need to cancel my reservation", "cancel_booking"],
    ["cancel my booking please", "cancel_booking"],
    ["I'd like to change my reservation to friday", "change_booking"],
    ["what are your opening hours?", "opening_hours"],
    ["when are you open", "opening_hours"],
    ["do you have any vegetarian options", "menu_question"],
    ["sorry, can you repeat that", "repeat"],
    ["let's start over", "start_over"],
    ["bye", "goodbye"],
    ["ok that's all, thanks", "goodbye"],
  ])("reads %j as %s", (text, expected) => {
    expect(matchIntent(text, RESTAURANT_INTENTS)?.name).toBe(expected);
  });

  it.each([
    "what's the weather like",
    "can I book a flight to Paris",
    "my cat is called Tom",
    "tomorrow at 7 pm for two people",
    "",
    "I don't want to talk to a human",
  ])("matches nothing for %j", (text) => {
    expect(matchIntent(text, RESTAURANT_INTENTS)).toBeNull();
  });

  it("gives an exact example a confidence of 1", () => {
    expect(matchIntent("Say that again!", RESTAURANT_INTENTS)).toEqual({ name: "repeat", confidence: 1 });
  });

  it("counts the intent's name as an example", () => {
    const intents = [intent({ name: "check_balance", examples: ["how much money do I have"] }), intent({ name: "goodbye", examples: ["bye"] })];
    expect(matchIntent("check my balance", intents)?.name).toBe("check_balance");
  });

  it("respects a configured threshold", () => {
    const text = "cancel my reservation please";
    const score = scoreIntents(text, RESTAURANT_INTENTS)[0]?.score ?? 0;
    expect(score).toBeGreaterThan(0.5);
    expect(matchIntent(text, RESTAURANT_INTENTS, { threshold: score })).toBeNull();
    expect(matchIntent(text, RESTAURANT_INTENTS, { threshold: score - 0.01 })?.name).toBe("cancel_booking");
  });

  it("prefers the intent matched on rarer words when two are within the tie margin", () => {
    // "order" is shared by many examples, "pizza" by one: both intents fully contain the utterance's words.
    const intents = [
      intent({ name: "order_anything", examples: ["order", "place an order", "order now", "order please"] }),
      intent({ name: "order_pizza", examples: ["order pizza"] }),
    ];
    const scores = scoreIntents("order a pizza", intents);
    expect(scores.map((s) => s.name)).toContain("order_anything");
    expect(matchIntent("order a pizza", intents, { tieMargin: 1 })?.name).toBe("order_pizza");
  });

  it("is deterministic and scores from 0 to 1", () => {
    const runs = Array.from({ length: 3 }, () => scoreIntents("i wnat to book a tabel", RESTAURANT_INTENTS));
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    for (const s of runs[0] ?? []) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
  });

  it("builds the per-intent index once per intents array", () => {
    expect(getIntentIndex(RESTAURANT_INTENTS)).toBe(getIntentIndex(RESTAURANT_INTENTS));
    expect(buildIntentIndex(RESTAURANT_INTENTS)).not.toBe(getIntentIndex(RESTAURANT_INTENTS));
  });

  it("matches nothing when there are no intents", () => {
    expect(matchIntent("hello", [])).toBeNull();
  });
});

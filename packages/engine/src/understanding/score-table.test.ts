import { describe, expect, it } from "vitest";
import { intent, RESTAURANT_INTENTS } from "./restaurant-fixture";
import { scoreTable } from "./score-table";

describe("scoreTable", () => {
  it("keeps each intent's best example score", () => {
    const table = scoreTable("say that again", RESTAURANT_INTENTS);
    const repeat = RESTAURANT_INTENTS.findIndex((i) => i.name === "repeat");
    expect(table.score[repeat]).toBe(1);
    expect(table.index.examples[table.example[repeat] ?? -1]?.normalized).toBe("say that again");
  });

  it("gives an intent nothing was said of a score of 0 on its first example", () => {
    const intents = [intent({ name: "greet", examples: ["hello there friend", "good morning"] }), intent({ name: "pay", examples: ["pay my bill"] })];
    const table = scoreTable("pay the bill", intents);
    expect(table.score[0]).toBe(0);
    expect(table.specificity[0]).toBe(0);
    expect(table.index.examples[table.example[0] ?? -1]?.normalized).toBe("hello there friend");
    expect(table.score[1]).toBeGreaterThan(0.5);
  });

  it("marks an intent without any usable example with no example", () => {
    const intents = [intent({ name: "x", examples: ["the"] }), intent({ name: "pay", examples: ["pay"] })];
    const table = scoreTable("pay", intents);
    expect(table.index.firstExample[0]).toBe(0); // the name "x" still counts as an example
    expect(table.example[1]).toBeGreaterThanOrEqual(0);
  });
});

import { describe, expect, it } from "vitest";
import { RESTAURANT_SLOTS, slot } from "./restaurant-fixture";
import { slotGroups } from "./slot-groups";

describe("slotGroups", () => {
  it("groups slots by reading, keeping their order, numbers and integers together", () => {
    const slots = [slot({ name: "adults", type: "integer" }), slot({ name: "when", type: "date" }), slot({ name: "budget", type: "number" }), slot({ name: "kids", type: "integer" })];
    const groups = slotGroups(slots);
    expect(groups.numeric.map((s) => s.name)).toEqual(["adults", "budget", "kids"]);
    expect(groups.date.map((s) => s.name)).toEqual(["when"]);
    expect(groups.email).toEqual([]);
  });

  it("builds the groups once per slots array", () => {
    expect(slotGroups(RESTAURANT_SLOTS)).toBe(slotGroups(RESTAURANT_SLOTS));
    expect(slotGroups([...RESTAURANT_SLOTS])).not.toBe(slotGroups(RESTAURANT_SLOTS));
  });
});

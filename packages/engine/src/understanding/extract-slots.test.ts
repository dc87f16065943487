import { describe, expect, it } from "vitest";
import { extractSlots } from "./extract-slots";
import { RESTAURANT_SLOTS, slot } from "./restaurant-fixture";

// Wednesday, 25 November 2026.
const now = new Date("2026-11-25T08:00:00Z");
const read = (text: string, focusSlot?: string, slots = RESTAURANT_SLOTS) => extractSlots(text, slots, { now, focusSlot });

describe("extractSlots: mixed initiative", () => {
  it.each([
    ["tomorrow at 7 pm for two people", { date: "2026-11-26", time: "19:00", party_size: 2 }],
    ["a table for 4 on friday at half past six", { date: "2026-11-27", time: "18:30", party_size: 4 }],
    ["December 3rd at 19:30 for a party of 12", { date: "2026-12-03", time: "19:30", party_size: 12 }],
    ["5 people at 8 pm outside", { time: "20:00", party_size: 5, seating: "outdoor" }],
    ["next friday, six of us, on the terrace", { date: "2026-12-04", party_size: 6, seating: "outdoor" }],
    ["my name is Ana Lopez and my phone is 555 123 4567", { name: "Ana Lopez", phone: "5551234567" }],
  ])("%j", (text, expected) => {
    expect(read(text, "date")).toEqual(expected);
  });

  it("does not take the hour of a time as a number", () => {
    expect(read("at 7 pm", "party_size")).toEqual({ time: "19:00" });
  });
});

describe("extractSlots: bare answers go to the focus slot", () => {
  it.each([
    ["four", "party_size", { party_size: 4 }],
    ["Friday", "date", { date: "2026-11-27" }],
    ["7", "party_size", { party_size: 7 }],
    ["7", "time", { time: "07:00" }],
    ["six thirty", "time", { time: "18:30" }],
    ["inside", "seating", { seating: "indoor" }],
    ["Ana Lopez", "name", { name: "Ana Lopez" }],
    ["it's Ana, thanks", "name", { name: "Ana" }],
    ["five five five one two three four", "phone", { phone: "5551234" }],
  ])("%j asked for %s", (text, focus, expected) => {
    expect(read(text, focus)).toEqual(expected);
  });

  it("gives a bare number to the focus slot, not to every number slot", () => {
    const slots = [
      slot({ name: "adults", type: "integer", description: "adults in the party" }),
      slot({ name: "children", type: "integer", description: "number of kids" }),
    ];
    expect(read("three", "children", slots)).toEqual({ children: 3 });
    expect(read("three", "adults", slots)).toEqual({ adults: 3 });
    expect(read("three", undefined, slots)).toEqual({});
  });

  it("lets a number's own words override the focus", () => {
    const slots = [
      slot({ name: "adults", type: "integer", description: "adults in the party" }),
      slot({ name: "children", type: "integer", description: "number of kids" }),
    ];
    expect(read("2 adults and 3 kids", "adults", slots)).toEqual({ adults: 2, children: 3 });
    expect(read("actually 4 kids", "adults", slots)).toEqual({ children: 4 });
  });

  it("reads a yes/no only for the asked yes/no slot", () => {
    const slots = [slot({ name: "high_chair", type: "yesno" }), slot({ name: "outdoor", type: "yesno" })];
    expect(read("yes please", "high_chair", slots)).toEqual({ high_chair: true });
    expect(read("not really", "outdoor", slots)).toEqual({ outdoor: false });
    expect(read("yes please", undefined, slots)).toEqual({});
  });

  it("does not take the whole utterance as text when it held other values", () => {
    expect(read("actually 5 people", "name")).toEqual({ party_size: 5 });
  });
});

describe("extractSlots: corrections", () => {
  it.each([
    ["actually 5 people", "time", { party_size: 5 }],
    ["make it Friday", "time", { date: "2026-11-27" }],
    ["four, no, five", "party_size", { party_size: 5 }],
    ["Thursday, sorry, I mean Friday", "date", { date: "2026-11-27" }],
    ["not inside, outside", "seating", { seating: "outdoor" }],
  ])("%j", (text, focus, expected) => {
    expect(read(text, focus)).toEqual(expected);
  });
});

describe("extractSlots: email", () => {
  const slots = [slot({ name: "email", type: "email" }), slot({ name: "party_size", type: "integer" })];

  it("reads a spoken address without its digits leaking into numbers", () => {
    expect(read("my email is bob two at mail dot com", "email", slots)).toEqual({ email: "bob2@mail.com" });
  });

  it("reads an address and a number together", () => {
    expect(read("a.b@c.org, and we are 3", "email", slots)).toEqual({ email: "a.b@c.org", party_size: 3 });
  });
});

describe("extractSlots: nothing to read", () => {
  it("returns no values for no slots or unrelated words", () => {
    expect(extractSlots("tomorrow", [], { now })).toEqual({});
    expect(read("hmm let me think", "date")).toEqual({});
  });
});

describe("extractSlots: counts are not hours", () => {
  it.each([
    ["about 4 people", "time", { party_size: 4 }],
    ["around 3 of us at 8 pm", "date", { party_size: 3, time: "20:00" }],
    ["around 7 tonight", "time", { date: "2026-11-25", time: "19:00" }],
  ])("%j asked for %s", (text, focus, expected) => {
    expect(read(text, focus)).toEqual(expected);
  });
});

import type { ParsedSlot } from "@voxchart/flow";

/** A request's slots by how they are read, each list in the slots' order. */
export interface SlotGroups {
  email: readonly ParsedSlot[];
  phone: readonly ParsedSlot[];
  date: readonly ParsedSlot[];
  /** "number" and "integer" slots together. */
  numeric: readonly ParsedSlot[];
  enum: readonly ParsedSlot[];
  time: readonly ParsedSlot[];
  yesno: readonly ParsedSlot[];
  text: readonly ParsedSlot[];
}

const cache = new WeakMap<readonly ParsedSlot[], SlotGroups>();

/** The slots grouped by reading, built once per slots array identity (arrays are read every turn). */
export function slotGroups(slots: readonly ParsedSlot[]): SlotGroups {
  let groups = cache.get(slots);
  if (!groups) {
    const ofType = (...types: ParsedSlot["type"][]): ParsedSlot[] => slots.filter((s) => types.includes(s.type));
    groups = {
      email: ofType("email"),
      phone: ofType("phone"),
      date: ofType("date"),
      numeric: ofType("number", "integer"),
      enum: ofType("enum"),
      time: ofType("time"),
      yesno: ofType("yesno"),
      text: ofType("text"),
    };
    cache.set(slots, groups);
  }
  return groups;
}

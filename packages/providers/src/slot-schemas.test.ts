import { describe, expect, it } from "vitest";
import type { ParsedSlot } from "@voxchart/flow";
import { parseToolArguments, slotsObjectSchema, toToolParameters } from "./slot-schemas";

const slot = (name: string, type: ParsedSlot["type"], extra: Partial<ParsedSlot> = {}): ParsedSlot => ({ name, type, required: true, ...extra });

describe("slot schemas", () => {
  const slots = [
    slot("note", "text", { constraints: { maxLength: 40 } }),
    slot("amount", "number"),
    slot("guests", "integer", { description: "how many people" }),
    slot("vip", "yesno"),
    slot("diet", "enum", { options: [{ value: "vegan", synonyms: [] }, { value: "vegetarian", synonyms: ["veggie"] }] }),
    slot("day", "date"),
    slot("at", "time"),
    slot("mail", "email", { required: false }),
    slot("phone", "phone", { required: false }),
  ];

  it("produces JSON Schema with one typed property per slot and the required ones listed", () => {
    const json = toToolParameters(slotsObjectSchema(slots, { allOptional: false }));
    expect(json).toEqual({
      type: "object",
      properties: {
        note: { type: "string", description: "expected: maxLength 40" },
        amount: { type: "number" },
        guests: { type: "integer", description: "how many people" },
        vip: { type: "boolean", description: "true for yes, false for no" },
        diet: { type: "string", enum: ["vegan", "vegetarian"], description: "synonyms: veggie means vegetarian" },
        day: { type: "string", format: "date", description: "ISO date YYYY-MM-DD" },
        at: { type: "string", pattern: "^([01]\\d|2[0-3]):[0-5]\\d$", description: "24-hour time HH:MM" },
        mail: { type: "string", format: "email", description: "email address" },
        phone: { type: "string", pattern: "^\\+?[0-9][0-9 ()-]{2,}$", description: "phone number, digits with an optional leading +" },
      },
      required: ["note", "amount", "guests", "vip", "diet", "day", "at"],
    });
  });

  it("lists nothing as required when every value is optional", () => {
    expect(toToolParameters(slotsObjectSchema(slots, { allOptional: true }))["required"]).toBeUndefined();
  });

  it("parses typed arguments and ignores nulls and unknown keys", () => {
    const schema = slotsObjectSchema([slot("guests", "integer"), slot("day", "date", { required: false })], { allOptional: false });
    expect(parseToolArguments(schema, '{"guests":3,"day":null,"x":1}')).toEqual({ ok: true, value: { guests: 3 } });
  });

  it("reports wrong types, missing values and broken JSON", () => {
    const schema = slotsObjectSchema([slot("guests", "integer")], { allOptional: false });
    expect(parseToolArguments(schema, '{"guests":2.5}').ok).toBe(false);
    expect(parseToolArguments(schema, "{}").ok).toBe(false);
    expect(parseToolArguments(schema, "[1]").ok).toBe(false);
    expect(parseToolArguments(schema, "{").ok).toBe(false);
  });
});

import { z } from "zod";
import { TemplateSchema, VariableNameSchema } from "./primitives";

/** What a collect node can ask for. Each maps to one value type (see slotValueType). */
export const SlotTypeSchema = z.enum(["text", "number", "integer", "yesno", "enum", "date", "time", "email", "phone"]);
export type SlotType = z.infer<typeof SlotTypeSchema>;

export const EnumOptionSchema = z.object({
  /** The canonical value stored in the variable. */
  value: z.string().min(1),
  /** Other words a caller may use for it ("veggie" for "vegetarian"). */
  synonyms: z.array(z.string().min(1)).default([]),
});
export type EnumOption = z.infer<typeof EnumOptionSchema>;

/**
 * Constraints, read according to the slot type:
 * number/integer: min, max (value); text: minLength, maxLength, pattern (a regular expression);
 * date: earliest, latest ("today", "+7d", "-1d" or an ISO date); time: earliest, latest ("HH:MM").
 */
export const SlotConstraintsSchema = z
  .object({
    min: z.number().optional(),
    max: z.number().optional(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(1).optional(),
    pattern: z.string().optional(),
    earliest: z.string().optional(),
    latest: z.string().optional(),
  })
  .strict();
export type SlotConstraints = z.infer<typeof SlotConstraintsSchema>;

export const SlotSchema = z
  .object({
    /** The variable the value is stored in. */
    name: VariableNameSchema,
    type: SlotTypeSchema,
    /** Asked when this slot is the first one still missing; defaults to the node's prompt. */
    prompt: TemplateSchema.optional(),
    required: z.boolean().default(true),
    description: z.string().optional(),
    options: z.array(EnumOptionSchema).optional(),
    constraints: SlotConstraintsSchema.optional(),
    /** Said when a value was heard but broke a constraint; `{{ value }}` is the rejected value. */
    invalidMessage: TemplateSchema.optional(),
  })
  .strict();
export type Slot = z.input<typeof SlotSchema>;
export type ParsedSlot = z.output<typeof SlotSchema>;

import { z } from "zod";
import { SlotSchema } from "./slot";

export const IntentNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "an intent name is an identifier (it becomes an LLM function name)")
  .max(64);

/**
 * Something the user may mean. Local understanding matches it from its examples; an LLM sees
 * it as a function (name, description, arguments) it may call.
 */
export const IntentSchema = z
  .object({
    name: IntentNameSchema,
    description: z.string().optional(),
    examples: z.array(z.string().min(1)).min(1, "an intent needs at least one example utterance"),
    /** Typed values taken from the same utterance and stored in variables of the same name. */
    arguments: z.array(SlotSchema).optional(),
  })
  .strict();
export type Intent = z.input<typeof IntentSchema>;
export type ParsedIntent = z.output<typeof IntentSchema>;

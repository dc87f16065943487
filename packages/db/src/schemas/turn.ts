import { z } from "zod";
import { JsonObjectInputSchema, JsonObjectSchema } from "./common";

export const TurnSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  index: z.number().int().nonnegative(),
  userText: z.string().nullable(),
  botText: z.string().nullable(),
  nodeId: z.string().nullable(),
  filler: z.string().nullable(),
  /** Per-stage times and totals in milliseconds (the engine's turn metrics). */
  timings: JsonObjectSchema,
  createdAt: z.date(),
});
export type Turn = z.infer<typeof TurnSchema>;

export const TurnInputSchema = z.object({
  /** Defaults to the next index of the session; an index already taken is a conflict. */
  index: z.number().int().nonnegative().optional(),
  userText: z.string().optional(),
  botText: z.string().optional(),
  nodeId: z.string().min(1).optional(),
  filler: z.string().optional(),
  timings: JsonObjectInputSchema.default({}),
});
export type TurnInput = z.input<typeof TurnInputSchema>;

import { z } from "zod";
import { ExpressionSchema, IdSchema, VariableNameSchema } from "./primitives";
import { IntentSchema } from "./intent";

/** An edge may lead to a node, or back to where a global handler interrupted (`@return`). */
export const RETURN_TARGET = "@return" as const;
export const EdgeTargetSchema = z.union([IdSchema, z.literal(RETURN_TARGET)]);

export const TriggerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("intent"), intent: IntentSchema }).strict(),
  z.object({ type: z.literal("condition"), when: ExpressionSchema }).strict(),
  /** A collect node's slots are all filled (and confirmed, if it confirms). */
  z.object({ type: z.literal("filled") }).strict(),
  z.object({ type: z.literal("toolResult"), result: z.enum(["success", "error"]) }).strict(),
  /** The user stayed silent past the node's attempts. */
  z.object({ type: z.literal("noInput") }).strict(),
  /** The user was not understood past the node's attempts. */
  z.object({ type: z.literal("noMatch") }).strict(),
  z.object({ type: z.literal("always") }).strict(),
]);
export type Trigger = z.input<typeof TriggerSchema>;
export type ParsedTrigger = z.output<typeof TriggerSchema>;
export type TriggerType = ParsedTrigger["type"];

export const EdgeSchema = z
  .object({
    id: IdSchema,
    from: IdSchema,
    to: EdgeTargetSchema,
    trigger: TriggerSchema,
    label: z.string().optional(),
    /** Variables set when the edge is taken: name → expression. */
    assign: z.record(VariableNameSchema, ExpressionSchema).optional(),
  })
  .strict();
export type Edge = z.input<typeof EdgeSchema>;
export type ParsedEdge = z.output<typeof EdgeSchema>;

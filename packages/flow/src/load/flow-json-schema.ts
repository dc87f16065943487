import { z } from "zod";
import { FlowSchema } from "../schema";

export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of the flow format for editors (`"$schema"` in a flow file), as written by
 * hand: defaults are optional ("input" side of the zod schema).
 */
export function flowJsonSchema(): JsonSchema {
  return z.toJSONSchema(FlowSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

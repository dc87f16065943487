import { z } from "zod";

/** The schema version this package reads and writes. Bumped on any incompatible change. */
export const FLOW_SCHEMA_VERSION = 1 as const;

/** Ids of nodes, edges, handlers: letters, digits, `_` and `-`, starting with a letter. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "an id starts with a letter and holds only letters, digits, '_' and '-'")
  .max(64);

/** Variable and slot names double as expression identifiers, so they follow identifier rules. */
export const VariableNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a variable name is an identifier: letters, digits and '_', not starting with a digit")
  .max(64);

/** A `{{ expression }}` template; parsed and checked by the expression module, not by zod. */
export const TemplateSchema = z.string().max(4000);

/** A condition in the expression language, e.g. `party_size > 8 && !vip`. */
export const ExpressionSchema = z.string().min(1, "an expression cannot be empty").max(2000);

export const DurationMsSchema = z.number().int().min(0).max(3_600_000);

/** The value types a variable or slot can hold. */
export const ValueTypeSchema = z.enum([
  "string",
  "number",
  "integer",
  "boolean",
  "date",
  "time",
  "email",
  "phone",
  "list",
  "object",
  "any",
]);
export type ValueType = z.infer<typeof ValueTypeSchema>;

export const PositionSchema = z.object({ x: z.number(), y: z.number() });

/** JSON values, for defaults and tool results. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);

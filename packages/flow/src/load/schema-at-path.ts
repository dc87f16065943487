import { z } from "zod";
import { unwrapSchema } from "./describe-schema";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at a path inside a parsed JSON value, or undefined. */
export function valueAtPath(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === "number") current = current[key];
    else if (isRecord(current) && typeof key === "string") current = current[key];
    else return undefined;
  }
  return current;
}

/** Picks the option of a discriminated union that the value names, if any. */
function pickOption(schema: z.ZodDiscriminatedUnion, value: unknown): z.ZodType | undefined {
  const key = schema.def.discriminator;
  if (!isRecord(value)) return undefined;
  const tag = value[key];
  return schema.options.find((option) => {
    const inner = unwrapSchema(option as z.ZodType);
    if (!(inner instanceof z.ZodObject)) return false;
    const literal = inner.shape[key];
    return literal instanceof z.ZodLiteral && literal.values.has(tag as never);
  }) as z.ZodType | undefined;
}

/**
 * The schema that governs the value at `path`, following the document's own discriminators
 * (so `/nodes/0/maxAttempts` resolves through the option for that node's kind).
 */
export function schemaAtPath(root: z.ZodType, value: unknown, path: readonly PropertyKey[]): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  let current: unknown = value;
  for (const key of path) {
    if (schema === undefined) return undefined;
    let s = unwrapSchema(schema);
    if (s instanceof z.ZodDiscriminatedUnion) {
      const option = pickOption(s, current);
      if (option === undefined) return undefined;
      s = unwrapSchema(option);
    }
    if (s instanceof z.ZodObject) schema = s.shape[String(key)] as z.ZodType | undefined;
    else if (s instanceof z.ZodArray) schema = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) schema = s.valueType as z.ZodType;
    else return undefined;
    current = valueAtPath(current, [key]);
  }
  if (schema !== undefined) {
    const last = unwrapSchema(schema);
    if (last instanceof z.ZodDiscriminatedUnion) return pickOption(last, current) ?? schema;
  }
  return schema;
}

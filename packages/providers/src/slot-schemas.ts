import { z } from "zod";
import type { ParsedSlot } from "@voxchart/flow";
import type { SlotValue } from "@voxchart/engine";

type SlotValueSchema = z.ZodType<SlotValue>;

/**
 * The zod schema of one slot's raw value. Constraints (min, pattern, earliest...) are left out on
 * purpose: the engine checks them and reprompts with the slot's invalidMessage, so a model
 * value that breaks one must reach it rather than fail here. They appear in the description.
 */
export function slotValueSchema(slot: ParsedSlot): SlotValueSchema {
  const base = baseSchema(slot);
  const description = slotDescription(slot);
  return description === "" ? base : base.describe(description);
}

function baseSchema(slot: ParsedSlot): SlotValueSchema {
  switch (slot.type) {
    case "text":
      return z.string();
    case "number":
      return z.number();
    case "integer":
      return z.number().int();
    case "yesno":
      return z.boolean();
    case "enum": {
      const values = (slot.options ?? []).map((o) => o.value);
      const [first, ...others] = values;
      return first === undefined ? z.string() : z.enum([first, ...others]);
    }
    case "date":
      return z.iso.date();
    case "time":
      return z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
    case "email":
      return z.email();
    case "phone":
      return z.string().regex(/^\+?[0-9][0-9 ()-]{2,}$/);
  }
}

const TYPE_HINTS: Record<ParsedSlot["type"], string> = {
  text: "",
  number: "",
  integer: "",
  yesno: "true for yes, false for no",
  enum: "",
  date: "ISO date YYYY-MM-DD",
  time: "24-hour time HH:MM",
  email: "email address",
  phone: "phone number, digits with an optional leading +",
};

function slotDescription(slot: ParsedSlot): string {
  const parts: string[] = [];
  if (slot.description) parts.push(slot.description);
  const hint = TYPE_HINTS[slot.type];
  if (hint) parts.push(hint);
  const synonyms = (slot.options ?? []).filter((o) => o.synonyms.length > 0);
  if (synonyms.length > 0) {
    parts.push(`synonyms: ${synonyms.map((o) => `${o.synonyms.join("/")} means ${o.value}`).join("; ")}`);
  }
  const c = slot.constraints;
  if (c) {
    const bounds = Object.entries(c).map(([key, value]) => `${key} ${String(value)}`);
    if (bounds.length > 0) parts.push(`expected: ${bounds.join(", ")}`);
  }
  return parts.join("; ");
}

export type SlotArgumentsSchema = z.ZodObject<Record<string, z.ZodType<SlotValue | undefined>>>;

/**
 * An object schema over several slots. `allOptional` is for extraction from one utterance, where
 * any value may be missing; otherwise a slot's `required` decides. Unknown keys are stripped.
 */
export function slotsObjectSchema(slots: readonly ParsedSlot[], options: { allOptional: boolean }): SlotArgumentsSchema {
  const shape: Record<string, z.ZodType<SlotValue | undefined>> = {};
  for (const slot of slots) {
    const value = slotValueSchema(slot);
    shape[slot.name] = options.allOptional || !slot.required ? value.optional() : value;
  }
  return z.object(shape);
}

export type JsonSchemaObject = Record<string, unknown>;

/**
 * JSON Schema for tool parameters. Trims what zod adds for validators but models do not need
 * (long regexes behind `format`, the safe-integer bounds) and the `$schema` marker.
 */
export function toToolParameters(schema: z.ZodType): JsonSchemaObject {
  const json = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      const node = ctx.jsonSchema as Record<string, unknown>;
      if (typeof node["format"] === "string") delete node["pattern"];
      if (node["minimum"] === Number.MIN_SAFE_INTEGER) delete node["minimum"];
      if (node["maximum"] === Number.MAX_SAFE_INTEGER) delete node["maximum"];
    },
  }) as JsonSchemaObject;
  delete json["$schema"];
  return json;
}

export type ArgumentsParse =
  | { ok: true; value: Record<string, SlotValue> }
  | { ok: false; reason: string };

/**
 * Parses a tool call's JSON arguments against the schema. A `null` counts as absent, since
 * models often send null for optional values.
 */
export function parseToolArguments(schema: SlotArgumentsSchema, raw: string): ArgumentsParse {
  let data: unknown;
  try {
    data = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    return { ok: false, reason: `arguments are not JSON: ${truncate(raw)}` };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, reason: `arguments are not an object: ${truncate(raw)}` };
  }
  const withoutNulls = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null));
  const result = schema.safeParse(withoutNulls);
  if (!result.success) return { ok: false, reason: z.prettifyError(result.error) };
  return { ok: true, value: definedOnly(result.data) };
}

/** Keeps each value that passes its own slot schema and drops the others (lenient extraction). */
export function pickValidValues(schema: SlotArgumentsSchema, data: Record<string, unknown>): Record<string, SlotValue> {
  const out: Record<string, SlotValue> = {};
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    const raw = data[key];
    if (raw === undefined || raw === null) continue;
    const parsed = fieldSchema.safeParse(raw);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out;
}

function definedOnly(record: Record<string, SlotValue | undefined>): Record<string, SlotValue> {
  const out: Record<string, SlotValue> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}

function truncate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

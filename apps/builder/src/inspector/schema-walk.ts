import { z } from "zod";
import { ExpressionSchema, TemplateSchema } from "@voxchart/flow";

/**
 * A form description derived from a zod 4 schema: the inspector renders these, so every field
 * the flow schema gains shows up without writing a form by hand.
 */
export type FieldSpec =
  | { kind: "text"; optional: boolean; format: "template" | "expression" | "plain"; required: boolean }
  | { kind: "number"; optional: boolean; integer: boolean; min: number | null; max: number | null }
  | { kind: "boolean"; optional: boolean; defaultValue: boolean }
  | { kind: "enum"; optional: boolean; options: string[] }
  | { kind: "literal"; optional: boolean; value: string | number | boolean }
  | { kind: "string-list"; optional: boolean; format: "template" | "plain" }
  | { kind: "list"; optional: boolean; item: FieldSpec }
  | { kind: "object"; optional: boolean; fields: [string, FieldSpec][] }
  | { kind: "record"; optional: boolean; value: FieldSpec }
  | { kind: "variant"; optional: boolean; discriminator: string; options: { tag: string; spec: FieldSpec & { kind: "object" } }[] }
  | { kind: "json"; optional: boolean };

interface Unwrapped {
  schema: z.ZodType;
  optional: boolean;
  defaultValue: unknown;
}

function unwrap(schema: z.ZodType): Unwrapped {
  let current: z.ZodType = schema;
  let optional = false;
  let defaultValue: unknown = undefined;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      optional = true;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodDefault) {
      optional = true;
      defaultValue = (current.def as { defaultValue: unknown }).defaultValue;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodLazy) {
      current = current.unwrap() as z.ZodType;
    } else return { schema: current, optional, defaultValue };
  }
}

const finite = (n: number | null | undefined): number | null => (typeof n === "number" && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : null);

function textFormat(schema: z.ZodType): "template" | "expression" | "plain" {
  if (schema === TemplateSchema) return "template";
  if (schema === ExpressionSchema) return "expression";
  return "plain";
}

/**
 * The form field for a schema. Unknown shapes fall back to a JSON editor, and so does a schema
 * met again inside itself (the flow schema embeds flows: `subflows`), which would never end.
 */
export function fieldSpec(schema: z.ZodType): FieldSpec {
  return walk(schema, new Set());
}

function walk(schema: z.ZodType, enclosing: Set<z.ZodType>): FieldSpec {
  const { schema: s, optional, defaultValue } = unwrap(schema);
  if (enclosing.has(s)) return { kind: "json", optional };
  enclosing.add(s);
  try {
    return describe(s, optional, defaultValue, enclosing);
  } finally {
    enclosing.delete(s);
  }
}

function describe(s: z.ZodType, optional: boolean, defaultValue: unknown, enclosing: Set<z.ZodType>): FieldSpec {
  const fieldSpec = (inner: z.ZodType) => walk(inner, enclosing);
  if (s instanceof z.ZodString) return { kind: "text", optional, format: textFormat(s), required: (s.minLength ?? 0) > 0 };
  if (s instanceof z.ZodNumber) return { kind: "number", optional, integer: s.isInt, min: finite(s.minValue), max: finite(s.maxValue) };
  if (s instanceof z.ZodBoolean) return { kind: "boolean", optional, defaultValue: defaultValue === true };
  if (s instanceof z.ZodEnum) return { kind: "enum", optional, options: s.options.map(String) };
  if (s instanceof z.ZodLiteral) {
    const value = [...s.values][0];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return { kind: "literal", optional, value };
  }
  if (s instanceof z.ZodArray) {
    const item = fieldSpec(s.element as z.ZodType);
    if (item.kind === "text") return { kind: "string-list", optional, format: item.format === "template" ? "template" : "plain" };
    return { kind: "list", optional, item };
  }
  if (s instanceof z.ZodObject) {
    return { kind: "object", optional, fields: Object.entries(s.shape as Record<string, z.ZodType>).map(([key, value]) => [key, fieldSpec(value)]) };
  }
  if (s instanceof z.ZodRecord) return { kind: "record", optional, value: fieldSpec(s.valueType as z.ZodType) };
  if (s instanceof z.ZodDiscriminatedUnion) {
    const discriminator = String(s.def.discriminator);
    const options = s.options.flatMap((option) => {
      const spec = fieldSpec(option as z.ZodType);
      if (spec.kind !== "object") return [];
      const tagField = spec.fields.find(([key]) => key === discriminator)?.[1];
      return tagField?.kind === "literal" ? [{ tag: String(tagField.value), spec }] : [];
    });
    return { kind: "variant", optional, discriminator, options };
  }
  if (s instanceof z.ZodUnion) {
    // A union of strings (a node id or "@return") edits as text.
    const parts = s.options.map((o) => unwrap(o as z.ZodType).schema);
    if (parts.every((p) => p instanceof z.ZodString || (p instanceof z.ZodLiteral && typeof [...p.values][0] === "string"))) {
      return { kind: "text", optional, format: "plain", required: true };
    }
  }
  return { kind: "json", optional };
}

/** A value that satisfies the field as far as a new, empty form can (used when adding items). */
export function emptyValue(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case "text":
      return "";
    case "number":
      return spec.min ?? 0;
    case "boolean":
      return false;
    case "enum":
      return spec.options[0] ?? "";
    case "literal":
      return spec.value;
    case "string-list":
    case "list":
      return [];
    case "record":
      return {};
    case "object":
      return Object.fromEntries(spec.fields.filter(([, f]) => !f.optional).map(([key, f]) => [key, emptyValue(f)]));
    case "variant": {
      const first = spec.options[0];
      return first ? emptyValue(first.spec) : {};
    }
    case "json":
      return null;
  }
}

/** Sets `value` at `path` inside a JSON-like value, immutably; `undefined` removes the key. */
export function setAtPath(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === "number") {
    const list = Array.isArray(root) ? root.slice() : [];
    list[head] = setAtPath(list[head], rest, value);
    return list;
  }
  const obj: Record<string, unknown> = typeof root === "object" && root !== null && !Array.isArray(root) ? { ...(root as Record<string, unknown>) } : {};
  const next = setAtPath(obj[head], rest, value);
  if (next === undefined) delete obj[head];
  else obj[head] = next;
  return obj;
}

/** zod issues by dotted path ("slots.0.name"), first message wins: inline form errors. */
export function issuesByPath(schema: z.ZodType, value: unknown): Map<string, string> {
  const result = schema.safeParse(value);
  const map = new Map<string, string>();
  if (result.success) return map;
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".");
    if (!map.has(key)) map.set(key, issue.message);
  }
  return map;
}

/** "noInputTimeoutMs" → "No input timeout (ms)". */
export function humanize(key: string): string {
  const ms = key.endsWith("Ms");
  const base = (ms ? key.slice(0, -2) : key).replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  const text = base.charAt(0).toUpperCase() + base.slice(1);
  return ms ? `${text} (ms)` : text;
}

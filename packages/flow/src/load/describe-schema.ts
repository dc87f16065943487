import { z } from "zod";

/** Removes optional/default/nullable wrappers, which do not change what a present value must be. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodLazy) current = current.unwrap() as z.ZodType;
    else return current;
  }
}

function finite(n: number | null | undefined): n is number {
  return typeof n === "number" && Number.isFinite(n);
}

function range(min: number | null | undefined, max: number | null | undefined): string {
  if (finite(min) && finite(max)) return ` from ${min} to ${max}`;
  if (finite(min)) return ` of at least ${min}`;
  if (finite(max)) return ` of at most ${max}`;
  return "";
}

/** A phrase for what a value must be: "an integer from 1 to 10", "one of say, collect". */
export function describeSchema(schema: z.ZodType): string {
  const s = unwrapSchema(schema);
  if (s instanceof z.ZodNumber) {
    // zod reports the safe-integer bounds for .int(); only real bounds are worth saying.
    const min = finite(s.minValue) && s.minValue > Number.MIN_SAFE_INTEGER ? s.minValue : undefined;
    const max = finite(s.maxValue) && s.maxValue < Number.MAX_SAFE_INTEGER ? s.maxValue : undefined;
    return `${s.isInt ? "an integer" : "a number"}${range(min, max)}`;
  }
  if (s instanceof z.ZodString) {
    const base = s.minLength !== null && s.minLength > 0 ? "a non-empty string" : "a string";
    return finite(s.maxLength) ? `${base} of at most ${s.maxLength} characters` : base;
  }
  if (s instanceof z.ZodBoolean) return "true or false";
  if (s instanceof z.ZodEnum) return `one of ${s.options.join(", ")}`;
  if (s instanceof z.ZodLiteral) return [...s.values].map((v) => JSON.stringify(v)).join(" or ");
  if (s instanceof z.ZodArray) return "a list";
  if (s instanceof z.ZodObject || s instanceof z.ZodRecord) return "an object";
  if (s instanceof z.ZodUnion) return s.options.map((o) => describeSchema(o as z.ZodType)).join(" or ");
  return "a valid value";
}

/** A short rendering of a found value for messages. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  return "an object";
}

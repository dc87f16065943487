import { z } from "zod";
import { toJsonValue } from "../json/to-json-value";

/** Any JSON value. */
export const JsonValueSchema = z.json();
export type JsonValue = z.infer<typeof JsonValueSchema>;

/** A JSON object (flow documents, snapshots, timings). */
export const JsonObjectSchema = z.record(z.string(), z.json());
export type JsonObject = z.infer<typeof JsonObjectSchema>;

export const IdSchema = z.string().min(1, "an id is required").max(200);

export const NameSchema = z.string().trim().min(1, "a name is required").max(200);

export const SlugSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug is lower-case letters and digits separated by single hyphens");

/**
 * Input side of a JSON object column: any plain object (so engine snapshots with optional,
 * undefined-valued fields type-check and are stored as JSON.stringify would), checked to hold
 * only JSON (see toJsonValue) and copied.
 */
export const JsonObjectInputSchema = z
  .custom<object>((value) => typeof value === "object" && value !== null && !Array.isArray(value), {
    message: "expected a JSON object",
  })
  .transform((value, ctx): JsonObject => {
    try {
      return toJsonValue(value) as JsonObject;
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });

/** Input side of a JSON value column (any JSON: arrays, objects, scalars). */
export const JsonValueInputSchema = z.unknown().transform((value, ctx): JsonValue => {
  if (value === undefined) {
    ctx.addIssue({ code: "custom", message: "a JSON value is required" });
    return z.NEVER;
  }
  try {
    return toJsonValue(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
    return z.NEVER;
  }
});

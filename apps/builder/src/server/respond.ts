import type { z } from "zod";
import { AppError, toAppError } from "./app-error";

/** Runs a route body; answers JSON, and errors as `{ error: { code, message, details } }`. */
export async function respond(run: () => Promise<unknown>, status = 200): Promise<Response> {
  try {
    const body = await run();
    if (body instanceof Response) return body;
    return Response.json(body, { status });
  } catch (error) {
    const app = toAppError(error);
    if (app.code === "internal") console.error(error);
    return Response.json({ error: { code: app.code, message: app.message, details: app.details } }, { status: app.status });
  }
}

/** Reads and validates a JSON body; a malformed body is a 400 with the zod issues. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    const text = await request.text();
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("invalid-json", "The request body is not valid JSON.");
  }
  return parseWith(schema, raw, "body");
}

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  throw new AppError("invalid-body", `Invalid ${what}: ${summary}`, { issues });
}

/** Next 16 passes dynamic params as a promise. */
export type RouteContext<P extends string> = { params: Promise<Record<P, string>> };

import type { z } from "zod";

const ARTICLE: Record<string, string> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null",
  undefined: "a value",
};

function received(input: unknown): string {
  if (input === undefined) return "nothing";
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  return ARTICLE[typeof input] ?? typeof input;
}

/** A short sentence for one zod issue, phrased for the author of a test file. */
export function zodIssueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `required: expected ${ARTICLE[issue.expected] ?? issue.expected}`;
      return `expected ${ARTICLE[issue.expected] ?? issue.expected}, got ${received(issue.input)}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_value":
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    case "invalid_union":
      return "does not match any accepted shape (for a tool stub: `result` or `error`, plus optional `latencyMs`)";
    default:
      return issue.message;
  }
}

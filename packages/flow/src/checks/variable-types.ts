import type { Diagnostic } from "../diagnostics";
import type { JsonValue, ValueType } from "../schema";
import { variableDeclarations } from "../graph";
import { diagnostic, type CheckContext } from "./context";
import { withArticle } from "./type-compat";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

/** Whether a JSON default fits a declared type; null means "not set yet" and always fits. */
export function fitsType(value: JsonValue, type: ValueType): boolean {
  if (value === null || type === "any") return true;
  switch (type) {
    case "string":
    case "phone":
      return typeof value === "string";
    case "email":
      return typeof value === "string" && value.includes("@");
    case "date":
      return typeof value === "string" && DATE.test(value);
    case "time":
      return typeof value === "string" && TIME.test(value);
    case "number":
      return typeof value === "number";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "list":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && !Array.isArray(value);
  }
}

/**
 * expr/type-mismatch for declarations: a variable default that does not fit its type, and one
 * name declared twice with different types (a slot and a variable, say).
 */
export function checkVariableTypes({ flow }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, v] of Object.entries(flow.variables)) {
    if (v.default === undefined || fitsType(v.default, v.type)) continue;
    out.push(
      diagnostic({
        code: "expr/type-mismatch",
        severity: "error",
        message: `the default of variable "${name}" is ${JSON.stringify(v.default)}, which is not ${withArticle(v.type)}`,
        path: ["variables", name, "default"],
      }),
    );
  }
  const first = new Map<string, { type: ValueType; path: string; nodeId?: string }>();
  for (const d of variableDeclarations(flow)) {
    const earlier = first.get(d.name);
    if (!earlier) {
      first.set(d.name, d);
      continue;
    }
    if (earlier.type === d.type || earlier.type === "any" || d.type === "any") continue;
    // Two slots of one node sharing a name: ids/duplicate already says so.
    if (d.nodeId !== undefined && earlier.nodeId === d.nodeId) continue;
    out.push(
      diagnostic({
        code: "expr/type-mismatch",
        severity: "warning",
        message: `"${d.name}" is declared as ${d.type} here but as ${earlier.type} at ${earlier.path}`,
        path: d.path,
        nodeId: d.nodeId,
      }),
    );
  }
  return out;
}

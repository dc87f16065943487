/**
 * Located problems in a flow. Every reader of flows (schema validation, expression parsing,
 * static checks) reports through this one shape, so the CLI and the builder show them alike.
 */
export type Severity = "error" | "warning" | "info";

export type DiagnosticCode =
  | "json/syntax"
  | "schema/invalid"
  | "schema/version"
  | "expr/syntax"
  | "expr/unknown-function"
  | "expr/unknown-variable"
  | "expr/type-mismatch"
  | "graph/missing-start"
  | "graph/missing-target"
  | "graph/unreachable"
  | "graph/dead-end"
  | "graph/loop-without-exit"
  | "graph/bad-return"
  | "graph/invalid-trigger"
  | "ids/duplicate"
  | "intents/ambiguous"
  | "collect/no-input-path"
  | "collect/no-match-path"
  | "tool/unknown"
  | "tool/unknown-argument"
  | "subflow/unresolved"
  | "subflow/cycle"
  | "globals/unknown-node";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** A sentence a person can act on: what is wrong and, where it helps, what to do. */
  message: string;
  /** JSON Pointer into the flow document, e.g. "/nodes/3/prompt". */
  path: string;
  nodeId?: string;
  edgeId?: string;
  /** 1-based column inside the string at `path` (expressions and templates). */
  column?: number;
  /** The file the flow came from, when known. */
  file?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** One line for a terminal: `file:/nodes/3/prompt:12 error expr/syntax [node ask_size] message`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file ? `${d.file}:` : ""}${d.path || "/"}${d.column !== undefined ? `:${d.column}` : ""}`;
  const subject = d.nodeId ? ` [node ${d.nodeId}]` : d.edgeId ? ` [edge ${d.edgeId}]` : "";
  return `${where} ${d.severity} ${d.code}${subject} ${d.message}`;
}

/** Builds a JSON Pointer from path segments, escaping `~` and `/` as RFC 6901 asks. */
export function jsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

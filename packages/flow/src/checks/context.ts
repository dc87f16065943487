import type { Diagnostic, DiagnosticCode, Severity } from "../diagnostics";
import { jsonPointer } from "../diagnostics";
import type { Flow } from "../schema";
import type { FlowIndex, VariableEnv } from "../graph";

export interface CheckFlowOptions {
  /**
   * Finds the flow a subflow node calls (`ref` is its `flow` field, relative to `parent`).
   * Without it, subflow checks are skipped.
   */
  resolveSubflow?: (ref: string, parent: Flow) => Flow | undefined;
  /** Copied into every diagnostic. */
  file?: string;
}

export interface CheckContext {
  readonly flow: Flow;
  readonly index: FlowIndex;
  /** Declared variables: the type environment of every expression. */
  readonly env: VariableEnv;
  readonly options: CheckFlowOptions;
}

/** One check: a pure function from the flow to its findings. */
export type Check = (ctx: CheckContext) => Diagnostic[];

export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Segments, or a JSON pointer already built (declarations carry theirs). */
  path: readonly (string | number)[] | string;
  nodeId?: string | undefined;
  edgeId?: string | undefined;
  column?: number | undefined;
}

/** A diagnostic without undefined fields, so results compare cleanly in tests and JSON. */
export function diagnostic(f: Finding): Diagnostic {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    path: typeof f.path === "string" ? f.path : jsonPointer(f.path),
    ...(f.nodeId !== undefined ? { nodeId: f.nodeId } : {}),
    ...(f.edgeId !== undefined ? { edgeId: f.edgeId } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
  };
}

/** `"a", "b" and "c"` for messages. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

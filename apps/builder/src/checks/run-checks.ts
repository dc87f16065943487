import type { Diagnostic, Flow } from "@voxchart/flow";
import { checkFlow, validateFlow } from "../lib/flow-api";
import type { FlowDoc } from "../canvas/flow-types";

export interface CheckReport {
  diagnostics: Diagnostic[];
  /** The validated flow when the document passes the schema (the simulator needs it). */
  flow: Flow | null;
}

/** Schema validation, then every static check: what the problems panel and node markers show. */
export function runChecks(doc: FlowDoc, resolveSubflow?: (ref: string) => Flow | undefined): CheckReport {
  const loaded = validateFlow(doc);
  if (!loaded.ok) return { diagnostics: loaded.diagnostics, flow: null };
  try {
    return { diagnostics: checkFlow(loaded.flow, resolveSubflow ? { resolveSubflow } : {}), flow: loaded.flow };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { diagnostics: [{ code: "schema/invalid", severity: "error", message: `The checks failed: ${message}`, path: "" }], flow: loaded.flow };
  }
}

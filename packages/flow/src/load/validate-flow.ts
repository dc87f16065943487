import { FLOW_SCHEMA_VERSION, FlowSchema, type Flow } from "../schema";
import type { Diagnostic } from "../diagnostics";
import { zodIssuesToDiagnostics } from "./zod-issues";

export type FlowLoadResult = { ok: true; flow: Flow } | { ok: false; diagnostics: Diagnostic[] };

function versionProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const version = (value as Record<string, unknown>)["schemaVersion"];
  if (version === FLOW_SCHEMA_VERSION) return undefined;
  if (version === undefined) return `missing schemaVersion; this version of Voxchart reads schemaVersion ${FLOW_SCHEMA_VERSION}`;
  return `schemaVersion ${JSON.stringify(version)} is not supported; this version of Voxchart reads schemaVersion ${FLOW_SCHEMA_VERSION}`;
}

/**
 * Validates an already-parsed value as a flow. A wrong schema version stops here, since the
 * rest of the document would follow other rules. Never throws.
 */
export function validateFlow(value: unknown, file?: string): FlowLoadResult {
  try {
    const version = versionProblem(value);
    if (version !== undefined) {
      const diagnostic: Diagnostic = {
        code: "schema/version",
        severity: "error",
        message: version,
        path: "/schemaVersion",
        ...(file !== undefined ? { file } : {}),
      };
      return { ok: false, diagnostics: [diagnostic] };
    }
    const result = FlowSchema.safeParse(value);
    if (result.success) return { ok: true, flow: result.data };
    return { ok: false, diagnostics: zodIssuesToDiagnostics(FlowSchema, value, result.error.issues, file) };
  } catch (error) {
    // Defensive: a bug in message building must not surface as a stack trace to the author.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      diagnostics: [{ code: "schema/invalid", severity: "error", message: `could not validate: ${message}`, path: "", ...(file !== undefined ? { file } : {}) }],
    };
  }
}

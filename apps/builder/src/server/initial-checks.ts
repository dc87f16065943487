import type { Diagnostic, Flow } from "@voxchart/flow";
import type { FlowDoc } from "@/canvas/flow-types";
import { runChecks } from "@/checks/run-checks";
import { createResolver, subflowRefs, toSubflow } from "@/checks/subflow-resolver";
import { flowDocumentOrNull } from "./store";

/**
 * The problems of a flow as the editor opens it, found on the server so they come with the page:
 * the same checks the browser runs, with the flows its subflow nodes call (and theirs) resolved
 * as the editor resolves them (an unknown or invalid one stays unresolved).
 */
export async function initialDiagnostics(document: FlowDoc): Promise<Diagnostic[]> {
  const table = new Map<string, Flow>();
  const seen = new Set<string>();
  const queue = subflowRefs(document);
  while (queue.length > 0) {
    const ref = queue.shift() as string;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const child = await flowDocumentOrNull(ref).catch(() => null);
    const flow = child ? toSubflow(child) : null;
    if (!flow) continue;
    table.set(ref, flow);
    queue.push(...subflowRefs(flow));
  }
  return runChecks(document, createResolver(table)).diagnostics;
}

import type { Flow } from "@voxchart/flow";
import type { FlowDoc } from "../canvas/flow-types";
import { validateFlow } from "../lib/flow-api";

/** Subflow references a document makes (a subflow node's `flow`: a flow id in the builder). */
export function subflowRefs(doc: Pick<FlowDoc, "nodes">): string[] {
  return [...new Set(doc.nodes.flatMap((n) => (n.kind === "subflow" && typeof n.flow === "string" && n.flow ? [n.flow] : [])))];
}

/** Loaded subflow documents by reference; the compiler and the checks look them up here. */
export type SubflowTable = ReadonlyMap<string, Flow>;

export function createResolver(table: SubflowTable): (ref: string) => Flow | undefined {
  return (ref) => table.get(ref);
}

/** Validates a fetched document; invalid subflows stay unresolved (the checks report them). */
export function toSubflow(document: unknown): Flow | null {
  const result = validateFlow(document);
  return result.ok ? result.flow : null;
}

import type { Diagnostic } from "@voxchart/flow";
import type { FlowDoc } from "./flow-types";
import type { NodeProblems } from "./flow-to-graph";

/**
 * Groups diagnostics by the node they concern. A diagnostic on an edge marks the edge's
 * source node; one with only a path under /nodes/<i> marks that node.
 */
export function problemsByNode(doc: FlowDoc, diagnostics: readonly Diagnostic[]): Map<string, NodeProblems> {
  const result = new Map<string, NodeProblems>();
  for (const d of diagnostics) {
    const id = locateNode(doc, d);
    if (!id) continue;
    const entry = result.get(id) ?? { errors: 0, warnings: 0, first: null };
    if (d.severity === "error") entry.errors++;
    else if (d.severity === "warning") entry.warnings++;
    entry.first ??= d.message;
    result.set(id, entry);
  }
  return result;
}

/** The node a diagnostic points at, if any (for markers and "click to select"). */
export function locateNode(doc: FlowDoc, d: Diagnostic): string | null {
  if (d.nodeId) return d.nodeId.split("/")[0] ?? null;
  const edges = doc.edges ?? [];
  if (d.edgeId) return edges.find((e) => e.id === d.edgeId)?.from ?? null;
  const nodeMatch = /^\/nodes\/(\d+)/.exec(d.path);
  if (nodeMatch) return doc.nodes[Number(nodeMatch[1])]?.id ?? null;
  const edgeMatch = /^\/edges\/(\d+)/.exec(d.path);
  if (edgeMatch) return edges[Number(edgeMatch[1])]?.from ?? null;
  return null;
}

/** The edge a diagnostic points at, if any. */
export function locateEdge(doc: FlowDoc, d: Diagnostic): string | null {
  if (d.edgeId) return d.edgeId;
  const edgeMatch = /^\/edges\/(\d+)/.exec(d.path);
  return edgeMatch ? ((doc.edges ?? [])[Number(edgeMatch[1])]?.id ?? null) : null;
}

import type { FlowGraph, IndexedEdge } from "./flow-index";
import { isTerminalKind } from "./node-triggers";

/**
 * The edges out of a node that can be taken: none for terminal nodes (transfer, end), whose
 * out-edges are reported and otherwise ignored; all of them otherwise, in document order.
 */
export function firingEdges(graph: FlowGraph, nodeId: string): readonly IndexedEdge[] {
  const node = graph.nodes.get(nodeId)?.node;
  if (node && isTerminalKind(node.kind)) return [];
  return graph.outgoing.get(nodeId) ?? [];
}

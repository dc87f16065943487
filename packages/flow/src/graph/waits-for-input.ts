import type { FlowGraph } from "./flow-index";

/**
 * Whether a node stops and listens: collect and conversation always do; say does when it has
 * intent edges. Global handlers can fire only in such nodes.
 */
export function waitsForInput(graph: FlowGraph, nodeId: string): boolean {
  const entry = graph.nodes.get(nodeId);
  if (!entry) return false;
  const { kind } = entry.node;
  if (kind === "collect" || kind === "conversation") return true;
  if (kind !== "say") return false;
  return (graph.outgoing.get(nodeId) ?? []).some(({ edge }) => edge.trigger.type === "intent");
}

import { isGlobalActiveIn } from "./active-globals";
import type { FlowGraph } from "./flow-index";
import { firingEdges } from "./firing-edges";
import { waitsForInput } from "./waits-for-input";

export interface ReachOptions {
  /** Also follow goto global handlers active in a reached node. */
  readonly viaGlobals: boolean;
}

/**
 * Node ids reachable from `roots` (roots included when they exist). Every edge counts whatever
 * its trigger, except edges out of terminal nodes, which are never taken.
 */
export function reachableFrom(graph: FlowGraph, roots: readonly string[], options: ReachOptions): Set<string> {
  const seen = new Set<string>();
  const queue = roots.filter((id) => graph.nodes.has(id));
  const gotos = options.viaGlobals
    ? [...graph.globals.values()].filter(({ handler }) => handler.action.type === "goto")
    : [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const { edge } of firingEdges(graph, id)) {
      if (edge.to !== "@return" && graph.nodes.has(edge.to) && !seen.has(edge.to)) queue.push(edge.to);
    }
    for (const { handler } of gotos) {
      // Handlers are intents, so they fire only where the node listens.
      if (handler.action.type !== "goto" || !isGlobalActiveIn(handler, id) || !waitsForInput(graph, id)) continue;
      const target = handler.action.target;
      if (graph.nodes.has(target) && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}

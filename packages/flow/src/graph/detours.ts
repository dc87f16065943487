import type { FlowGraph } from "./flow-index";
import { reachableFrom } from "./reachability";

/**
 * Nodes reached only through a goto global handler: reachable from some goto target by edges,
 * but not from the start by edges alone. Inside them, `@return` goes back where the user was.
 */
export function detourNodes(graph: FlowGraph): Set<string> {
  const main = reachableFrom(graph, [graph.flow.start], { viaGlobals: false });
  const targets: string[] = [];
  for (const { handler } of graph.globals.values()) {
    if (handler.action.type === "goto") targets.push(handler.action.target);
  }
  const viaGotos = reachableFrom(graph, targets, { viaGlobals: false });
  return new Set([...viaGotos].filter((id) => !main.has(id)));
}

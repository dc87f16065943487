import { firingEdges } from "./firing-edges";
import type { FlowGraph } from "./flow-index";

export interface FlowPath {
  /** Node ids from the first to the last, each at most once. */
  readonly nodeIds: readonly string[];
  /** The edges taken between them (one fewer than the nodes). */
  readonly edgeIds: readonly string[];
}

export interface SimplePathOptions {
  /** Stop after this many paths (default 100). */
  readonly maxPaths?: number;
  /** Ignore paths longer than this many nodes (default 50). */
  readonly maxLength?: number;
}

/**
 * Simple paths (no repeated node) along edges from `fromId` to any of `toIds`, depth first in
 * edge order, bounded so large flows stay cheap. Used to generate test conversations.
 */
export function simplePaths(
  graph: FlowGraph,
  fromId: string,
  toIds: Iterable<string>,
  options: SimplePathOptions = {},
): FlowPath[] {
  const maxPaths = options.maxPaths ?? 100;
  const maxLength = options.maxLength ?? 50;
  const targets = new Set(toIds);
  const paths: FlowPath[] = [];
  if (!graph.nodes.has(fromId)) return paths;
  const nodeIds: string[] = [fromId];
  const edgeIds: string[] = [];
  const onPath = new Set<string>([fromId]);
  const visit = (id: string): void => {
    if (paths.length >= maxPaths) return;
    if (targets.has(id)) {
      paths.push({ nodeIds: [...nodeIds], edgeIds: [...edgeIds] });
      return;
    }
    if (nodeIds.length >= maxLength) return;
    for (const { edge } of firingEdges(graph, id)) {
      if (edge.to === "@return" || onPath.has(edge.to) || !graph.nodes.has(edge.to)) continue;
      nodeIds.push(edge.to);
      edgeIds.push(edge.id);
      onPath.add(edge.to);
      visit(edge.to);
      onPath.delete(edge.to);
      nodeIds.pop();
      edgeIds.pop();
      if (paths.length >= maxPaths) return;
    }
  };
  visit(fromId);
  return paths;
}

import type { CanvasEdge, CanvasNode } from "./flow-to-graph";

/** What React Flow itself reads of a node, besides `data`. */
function sameFrame(a: CanvasNode, b: CanvasNode): boolean {
  return (
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height
  );
}

/** What the card draws. */
function sameData(x: CanvasNode["data"], y: CanvasNode["data"]): boolean {
  return (
    x.node === y.node &&
    x.isStart === y.isStart &&
    x.active === y.active &&
    x.visited === y.visited &&
    x.diff === y.diff &&
    x.problems?.errors === y.problems?.errors &&
    x.problems?.warnings === y.problems?.warnings &&
    x.problems?.first === y.problems?.first &&
    x.summary.headline === y.summary.headline &&
    x.summary.details.join("\n") === y.summary.details.join("\n")
  );
}

function sameEdge(a: CanvasEdge, b: CanvasEdge): boolean {
  return a.data?.edge === b.data?.edge && a.selected === b.selected && a.source === b.source && a.target === b.target && a.data?.diff === b.data?.diff && a.data?.taken === b.data?.taken && a.data?.label === b.data?.label;
}

/**
 * Keeps the previous object for every node and edge whose projection did not change, so React
 * Flow and the memoised cards skip them: an edit re-renders one card, not all of them.
 */
export function reuseUnchanged(
  prev: { nodes: readonly CanvasNode[]; edges: readonly CanvasEdge[] } | null,
  next: { nodes: CanvasNode[]; edges: CanvasEdge[] },
): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  if (!prev) return next;
  const oldNodes = new Map(prev.nodes.map((n) => [n.id, n]));
  const oldEdges = new Map(prev.edges.map((e) => [e.id, e]));
  const nodes = next.nodes.map((n) => {
    const old = oldNodes.get(n.id);
    if (!old || !sameData(old.data, n.data)) return n;
    // Moved, measured or (de)selected only: the card keeps its data and skips its render.
    return sameFrame(old, n) ? old : { ...n, data: old.data };
  });
  const edges = next.edges.map((e) => {
    const old = oldEdges.get(e.id);
    return old && sameEdge(old, e) ? old : e;
  });
  // Unchanged lists keep their identity too: React Flow then skips the store update.
  return { nodes: sameItems(prev.nodes, nodes) ? (prev.nodes as CanvasNode[]) : nodes, edges: sameItems(prev.edges, edges) ? (prev.edges as CanvasEdge[]) : edges };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

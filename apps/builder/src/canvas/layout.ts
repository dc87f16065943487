import dagre from "@dagrejs/dagre";
import type { FlowChange } from "./edits";
import type { FlowDoc } from "./flow-types";

export const NODE_WIDTH = 260;
export const NODE_HEIGHT = 120;

/** Lays the graph out top to bottom with dagre; returns the moves as one change. */
export function autoLayout(doc: FlowDoc, sizes: ReadonlyMap<string, { width: number; height: number }> = new Map()): FlowChange {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 60, ranksep: 80, edgesep: 20, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(doc.nodes.map((n) => n.id));
  for (const node of doc.nodes) {
    const size = sizes.get(node.id) ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
    g.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of doc.edges ?? []) {
    if (ids.has(edge.from) && ids.has(edge.to) && edge.from !== edge.to) g.setEdge(edge.from, edge.to, { width: 80, height: 20 }, edge.id);
  }
  dagre.layout(g);
  const moves = doc.nodes.map((node) => {
    const laid = g.node(node.id) as { x: number; y: number; width: number; height: number };
    return { id: node.id, position: { x: Math.round(laid.x - laid.width / 2), y: Math.round(laid.y - laid.height / 2) } };
  });
  return { type: "node.move", moves };
}

/** True when some node has no position yet (imported documents): the editor lays them out. */
export function needsLayout(doc: FlowDoc): boolean {
  return doc.nodes.some((n) => !n.position);
}

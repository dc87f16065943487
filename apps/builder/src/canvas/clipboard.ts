import type { FlowChange } from "./edits";
import type { DocEdge, DocNode, FlowDoc } from "./flow-types";
import { uniqueEdgeId, uniqueNodeId } from "./new-node";

/** What copy puts on the clipboard: the selected nodes and the edges between them. */
export interface ClipboardContent {
  kind: "voxchart/nodes";
  nodes: DocNode[];
  edges: DocEdge[];
}

export function copySelection(doc: FlowDoc, nodeIds: readonly string[]): ClipboardContent | null {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = (doc.edges ?? []).filter((e) => ids.has(e.from) && ids.has(e.to));
  return { kind: "voxchart/nodes", nodes, edges };
}

export function isClipboardContent(value: unknown): value is ClipboardContent {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "voxchart/nodes" && Array.isArray((value as { nodes?: unknown }).nodes);
}

/** Pastes with fresh ids, shifted by `offset`; returns the change and the new node ids. */
export function pasteClipboard(doc: FlowDoc, clip: ClipboardContent, offset = { x: 40, y: 40 }): { change: FlowChange; ids: string[] } {
  const renamed = new Map<string, string>();
  let working: FlowDoc = doc;
  const nodes: DocNode[] = [];
  for (const node of clip.nodes) {
    const id = uniqueNodeId(working, node.id);
    renamed.set(node.id, id);
    const position = node.position ? { x: node.position.x + offset.x, y: node.position.y + offset.y } : { x: offset.x, y: offset.y };
    const copy = { ...node, id, position } as DocNode;
    nodes.push(copy);
    working = { ...working, nodes: [...working.nodes, copy] };
  }
  const reserved = new Set<string>();
  const edges: DocEdge[] = clip.edges.map((edge) => {
    const id = uniqueEdgeId(doc, reserved);
    reserved.add(id);
    return { ...edge, id, from: renamed.get(edge.from) ?? edge.from, to: renamed.get(edge.to) ?? edge.to };
  });
  return { change: { type: "node.add", nodes, edges }, ids: nodes.map((n) => n.id) };
}

import type { DocEdge, DocNode, FlowDoc, XY } from "./flow-types";

/**
 * Every edit the builder makes to a flow, as a plain object. The canvas, the inspector and
 * paste produce changes; {@link applyChange} applies them; undo keeps the documents between.
 */
export type FlowChange =
  | { type: "node.add"; nodes: DocNode[]; edges?: DocEdge[] }
  | { type: "node.remove"; ids: string[] }
  | { type: "node.move"; moves: { id: string; position: XY }[] }
  /** Replaces a node; a new id is carried to edges, globals and the start node. */
  | { type: "node.update"; id: string; node: DocNode }
  | { type: "edge.add"; edge: DocEdge }
  | { type: "edge.remove"; ids: string[] }
  | { type: "edge.update"; id: string; edge: DocEdge }
  /** Top-level fields: name, description, start, variables, settings, tools, globals. */
  | { type: "doc.update"; patch: Partial<Omit<FlowDoc, "nodes" | "edges" | "schemaVersion">> }
  | { type: "doc.replace"; doc: FlowDoc }
  | { type: "batch"; changes: FlowChange[] };

function renameRefs(doc: FlowDoc, from: string, to: string): FlowDoc {
  if (from === to) return doc;
  return {
    ...doc,
    start: doc.start === from ? to : doc.start,
    edges: (doc.edges ?? []).map((e) => (e.from === from || e.to === from ? { ...e, from: e.from === from ? to : e.from, to: e.to === from ? to : e.to } : e)),
    globals: doc.globals?.map((g) => ({
      ...g,
      ...(g.action.type === "goto" && g.action.target === from ? { action: { ...g.action, target: to } } : {}),
      ...(g.nodes ? { nodes: g.nodes.map((n) => (n === from ? to : n)) } : {}),
      ...(g.exceptNodes ? { exceptNodes: g.exceptNodes.map((n) => (n === from ? to : n)) } : {}),
    })),
  };
}

/** Applies one change; pure, returns the same document when nothing changes. */
export function applyChange(doc: FlowDoc, change: FlowChange): FlowDoc {
  const edges = doc.edges ?? [];
  switch (change.type) {
    case "node.add":
      return { ...doc, nodes: [...doc.nodes, ...change.nodes], edges: [...edges, ...(change.edges ?? [])] };
    case "node.remove": {
      if (change.ids.length === 0) return doc;
      const gone = new Set(change.ids);
      return {
        ...doc,
        nodes: doc.nodes.filter((n) => !gone.has(n.id)),
        edges: edges.filter((e) => !gone.has(e.from) && !gone.has(e.to)),
      };
    }
    case "node.move": {
      const moves = new Map(change.moves.map((m) => [m.id, m.position]));
      let changed = false;
      const nodes = doc.nodes.map((n) => {
        const p = moves.get(n.id);
        if (!p || (n.position && n.position.x === p.x && n.position.y === p.y)) return n;
        changed = true;
        return { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } };
      });
      return changed ? { ...doc, nodes } : doc;
    }
    case "node.update": {
      const index = doc.nodes.findIndex((n) => n.id === change.id);
      if (index < 0) return doc;
      const nodes = doc.nodes.slice();
      nodes[index] = change.node;
      return renameRefs({ ...doc, nodes }, change.id, change.node.id);
    }
    case "edge.add":
      return { ...doc, edges: [...edges, change.edge] };
    case "edge.remove": {
      const gone = new Set(change.ids);
      return change.ids.length === 0 ? doc : { ...doc, edges: edges.filter((e) => !gone.has(e.id)) };
    }
    case "edge.update":
      return { ...doc, edges: edges.map((e) => (e.id === change.id ? change.edge : e)) };
    case "doc.update":
      return { ...doc, ...change.patch };
    case "doc.replace":
      return change.doc;
    case "batch":
      return change.changes.reduce(applyChange, doc);
  }
}

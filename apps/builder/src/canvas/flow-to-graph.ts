import type { Edge as RFEdge, Node as RFNode } from "@xyflow/react";
import type { DocEdge, DocNode, FlowDoc, NodeKind } from "./flow-types";
import { summarizeNode, type NodeSummary } from "./node-summary";
import { triggerLabel, triggerTone } from "./trigger-label";
import type { DiffStatus, FlowDiff } from "./version-diff";
import { NODE_WIDTH } from "./layout";

export interface NodeProblems {
  errors: number;
  warnings: number;
  first: string | null;
}

export type FlowNodeData = {
  node: DocNode;
  summary: NodeSummary;
  isStart: boolean;
  problems: NodeProblems | null;
  active: boolean;
  visited: boolean;
  diff: DiffStatus | null;
};

export type FlowEdgeData = {
  edge: DocEdge;
  label: string;
  tone: ReturnType<typeof triggerTone>;
  diff: DiffStatus | null;
  taken: boolean;
};

export type CanvasNode = RFNode<FlowNodeData, NodeKind>;
export type CanvasEdge = RFEdge<FlowEdgeData, "trigger">;

export interface GraphDecorations {
  selectedNodes?: ReadonlySet<string>;
  selectedEdges?: ReadonlySet<string>;
  problems?: ReadonlyMap<string, NodeProblems>;
  activeNodeId?: string | null;
  visitedNodes?: ReadonlySet<string>;
  takenEdges?: ReadonlySet<string>;
  diff?: FlowDiff | null;
  /** Names of the builder's flows by id, for subflow cards. */
  flowNames?: ReadonlyMap<string, string>;
}

/** The React Flow nodes and edges for a flow document: a pure projection, no state. */
export function flowToGraph(doc: FlowDoc, deco: GraphDecorations = {}): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const docEdges = doc.edges ?? [];
  const outgoing = new Map<string, DocEdge[]>();
  for (const e of docEdges) {
    const list = outgoing.get(e.from);
    if (list) list.push(e);
    else outgoing.set(e.from, [e]);
  }
  const nodes: CanvasNode[] = doc.nodes.map((node, i) => ({
    id: node.id,
    type: node.kind,
    position: node.position ?? { x: (i % 4) * (NODE_WIDTH + 60), y: Math.floor(i / 4) * 180 },
    selected: deco.selectedNodes?.has(node.id) ?? false,
    deletable: true,
    data: {
      node,
      summary: summarizeNode(node, outgoing.get(node.id) ?? [], deco.flowNames),
      isStart: doc.start === node.id,
      problems: deco.problems?.get(node.id) ?? null,
      active: deco.activeNodeId === node.id,
      visited: deco.visitedNodes?.has(node.id) ?? false,
      diff: deco.diff?.nodes.get(node.id) ?? null,
    },
  }));
  const ids = new Set(doc.nodes.map((n) => n.id));
  const edges: CanvasEdge[] = docEdges.flatMap((edge) => {
    const target = edge.to === "@return" ? null : edge.to;
    if (!ids.has(edge.from) || target === null || !ids.has(target)) return [];
    return [
      {
        id: edge.id,
        source: edge.from,
        target,
        type: "trigger" as const,
        selected: deco.selectedEdges?.has(edge.id) ?? false,
        data: {
          edge,
          label: edge.label ?? triggerLabel(edge.trigger),
          tone: triggerTone(edge.trigger),
          diff: deco.diff?.edges.get(edge.id) ?? null,
          taken: deco.takenEdges?.has(edge.id) ?? false,
        },
      },
    ];
  });
  return { nodes, edges };
}

/** The union of two versions, so removed nodes and edges can be drawn (struck out) too. */
export function unionForDiff(before: FlowDoc, after: FlowDoc): FlowDoc {
  const nodeIds = new Set(after.nodes.map((n) => n.id));
  const edgeIds = new Set((after.edges ?? []).map((e) => e.id));
  return {
    ...after,
    nodes: [...after.nodes, ...before.nodes.filter((n) => !nodeIds.has(n.id))],
    edges: [...(after.edges ?? []), ...(before.edges ?? []).filter((e) => !edgeIds.has(e.id))],
  };
}

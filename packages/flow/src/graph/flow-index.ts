import type { Flow, ParsedEdge, ParsedNode } from "../schema";
import { detourNodes } from "./detours";
import { reachableFrom } from "./reachability";

export type GlobalHandler = Flow["globals"][number];

export interface IndexedNode {
  readonly node: ParsedNode;
  /** Position in `flow.nodes`, for JSON pointers. */
  readonly index: number;
}
export interface IndexedEdge {
  readonly edge: ParsedEdge;
  readonly index: number;
}
export interface IndexedGlobal {
  readonly handler: GlobalHandler;
  readonly index: number;
}

/** The adjacency the graph algorithms need; FlowIndex extends it. */
export interface FlowGraph {
  readonly flow: Flow;
  /** Nodes by id; on duplicate ids the first one wins. */
  readonly nodes: ReadonlyMap<string, IndexedNode>;
  /** Edges leaving each node id, in document order (also for ids that name no node). */
  readonly outgoing: ReadonlyMap<string, readonly IndexedEdge[]>;
  /** Edges arriving at each node id ("@return" edges are not listed). */
  readonly incoming: ReadonlyMap<string, readonly IndexedEdge[]>;
  /** Global handlers by id; first wins. */
  readonly globals: ReadonlyMap<string, IndexedGlobal>;
}

export interface FlowIndex extends FlowGraph {
  /** Node ids reachable from the start node by edges and by goto global handlers. */
  readonly reachable: ReadonlySet<string>;
  /** Node ids reached only through a goto global handler: where `@return` is valid. */
  readonly detours: ReadonlySet<string>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes a flow for lookups and graph questions. Pure; tolerates broken references. */
export function createFlowIndex(flow: Flow): FlowIndex {
  const nodes = new Map<string, IndexedNode>();
  flow.nodes.forEach((node, index) => {
    if (!nodes.has(node.id)) nodes.set(node.id, { node, index });
  });
  const outgoing = new Map<string, IndexedEdge[]>();
  const incoming = new Map<string, IndexedEdge[]>();
  flow.edges.forEach((edge, index) => {
    push(outgoing, edge.from, { edge, index });
    if (edge.to !== "@return") push(incoming, edge.to, { edge, index });
  });
  const globals = new Map<string, IndexedGlobal>();
  flow.globals.forEach((handler, index) => {
    if (!globals.has(handler.id)) globals.set(handler.id, { handler, index });
  });
  const graph: FlowGraph = { flow, nodes, outgoing, incoming, globals };
  return {
    ...graph,
    reachable: reachableFrom(graph, [flow.start], { viaGlobals: true }),
    detours: detourNodes(graph),
  };
}

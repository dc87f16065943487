import type { FlowGraph, GlobalHandler, IndexedGlobal } from "./flow-index";

/** Whether a global handler listens in a node: `nodes` (default all) minus `exceptNodes`. */
export function isGlobalActiveIn(handler: GlobalHandler, nodeId: string): boolean {
  if (handler.nodes !== undefined && !handler.nodes.includes(nodeId)) return false;
  return !(handler.exceptNodes ?? []).includes(nodeId);
}

/** The global handlers active in a node, in document order (first of duplicate ids only). */
export function activeGlobals(graph: FlowGraph, nodeId: string): IndexedGlobal[] {
  return [...graph.globals.values()].filter((g) => isGlobalActiveIn(g.handler, nodeId));
}

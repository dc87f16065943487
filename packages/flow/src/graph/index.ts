export {
  createFlowIndex,
  type FlowGraph,
  type FlowIndex,
  type IndexedEdge,
  type IndexedGlobal,
  type IndexedNode,
} from "./flow-index";
export { declaredVariables, variableDeclarations, type VariableDeclaration, type VariableEnv } from "./declared-variables";
export { slotValueType } from "./slot-value-type";
export { allowedTriggers, isTerminalKind } from "./node-triggers";
export { activeGlobals, isGlobalActiveIn } from "./active-globals";
export { reachableFrom, type ReachOptions } from "./reachability";
export { detourNodes } from "./detours";
export { simplePaths, type FlowPath, type SimplePathOptions } from "./simple-paths";
export { stronglyConnected } from "./strongly-connected";
export { waitsForInput } from "./waits-for-input";
export { firingEdges } from "./firing-edges";
export type { SubflowResolver } from "./embedded-subflows";
export { withEmbeddedSubflows } from "./embedded-subflows";

import type { Edge, FlowInput, FlowNode, NodeKind, Trigger } from "@voxchart/flow";

/** The draft document the editor works on: a flow as written (defaults optional). */
export type FlowDoc = FlowInput;
export type DocNode = FlowNode;
export type DocEdge = Edge;
export type DocTrigger = Trigger;
export type { NodeKind };

export interface XY {
  x: number;
  y: number;
}

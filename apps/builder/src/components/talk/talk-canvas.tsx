"use client";
import { useEffect, useMemo } from "react";
import { Background, BackgroundVariant, Controls, MarkerType, ReactFlow, ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { flowToGraph, type CanvasEdge, type CanvasNode } from "@/canvas/flow-to-graph";
import type { FlowDoc } from "@/canvas/flow-types";
import { applyChange } from "@/canvas/edits";
import { autoLayout, needsLayout, NODE_WIDTH } from "@/canvas/layout";
import { nodeTypes } from "../canvas/node-card";
import { edgeTypes } from "../canvas/trigger-edge";

export interface TalkCanvasProps {
  doc: FlowDoc;
  activeNodeId: string | null;
  visited: readonly string[];
}

const FIT_VIEW = { padding: 0.15, maxZoom: 1 };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };

/** The flow, read-only, with the node the call is in highlighted and the visited ones marked. */
export function TalkCanvas(props: TalkCanvasProps) {
  return (
    <ReactFlowProvider>
      <TalkCanvasView {...props} />
    </ReactFlowProvider>
  );
}

function TalkCanvasView({ doc, activeNodeId, visited }: TalkCanvasProps) {
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const laidOut = useMemo(() => (needsLayout(doc) ? applyChange(doc, autoLayout(doc)) : doc), [doc]);
  // Subflow nodes report "node/inner": the card is the outer node.
  const active = activeNodeId?.split("/")[0] ?? null;
  const graph = useMemo(() => flowToGraph(laidOut, { activeNodeId: active, visitedNodes: new Set(visited.map((v) => v.split("/")[0] ?? v)) }), [laidOut, active, visited]);

  useEffect(() => {
    if (!active) return;
    const node = flow.getNode(active);
    if (!node) return;
    const w = node.measured?.width ?? NODE_WIDTH;
    const h = node.measured?.height ?? 100;
    void flow.setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom: Math.min(Math.max(flow.getZoom(), 0.7), 1), duration: 300 });
  }, [active, flow]);

  return (
    <div className="canvas-wrap talk-canvas" data-testid="talk-canvas" data-active-node={active ?? ""}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={graph.nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.1}
        defaultEdgeOptions={defaultEdgeOptions}
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1} color="#d0d5dd" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

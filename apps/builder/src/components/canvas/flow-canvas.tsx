"use client";
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type Dispatch } from "react";
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import type { EditorAction } from "@/canvas/editor-state";
import { defaultTrigger } from "@/canvas/default-trigger";
import { flowToGraph, type CanvasEdge, type CanvasNode, type GraphDecorations } from "@/canvas/flow-to-graph";
import type { FlowDoc, NodeKind } from "@/canvas/flow-types";
import { createNode, freePosition, uniqueEdgeId, uniqueNodeId } from "@/canvas/new-node";
import { autoLayout, NODE_WIDTH } from "@/canvas/layout";
import { isTerminalKind } from "@/lib/flow-api";
import { reuseUnchanged } from "@/canvas/reuse-unchanged";
import { toFlowDiffDto } from "@/canvas/version-diff";
import { useWhenIdle } from "@/lib/use-when-idle";
import { CanvasCallbacksContext } from "./canvas-callbacks";
import { EdgeLabelLayerProvider, useEdgeLabelLayerElement } from "./edge-label-layer";
import { edgeTypes } from "./trigger-edge";
import { nodeTypes } from "./node-card";
import { Palette, PALETTE_MIME } from "./palette";
import { DiffSummary, type SubflowDiffOutcome } from "../versions/diff-summary";

export interface FlowCanvasProps {
  doc: FlowDoc;
  dispatch: Dispatch<EditorAction>;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  decorations: GraphDecorations;
  /** When set, the canvas shows a read-only version diff instead of the draft (`decorations.diff`), and what changed in the subflows it calls. */
  diffView: { doc: FlowDoc; title: string; subflows: SubflowDiffOutcome; onClose: () => void } | null;
  /** Centre on this node when `seq` changes (problems list, simulator). */
  focus: { nodeId: string; seq: number } | null;
  onToast: (message: string) => void;
}

const FIT_VIEW = { padding: 0.15, maxZoom: 1 };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const DELETE_KEYS = ["Delete", "Backspace"];
const MULTI_SELECTION_KEYS = ["Meta", "Control"];
/** How long after the canvas opened the minimap may appear (in an idle moment). */
const MINIMAP_DELAY_MS = 250;
/** Stable, so the minimap redraws only the nodes that changed. */
const miniMapNodeColor = (n: CanvasNode) => `var(--kind-${n.type ?? "say"})`;

export function FlowCanvas({ doc, dispatch, selectedNodes, selectedEdges, decorations, diffView, focus, onToast }: FlowCanvasProps) {
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  /**
   * Sizes React Flow measured, by node id, given back as `measured` on the node objects (React
   * Flow reads them there: minimap, getNode). Kept current at once, so any graph made after a
   * measurement carries it; `sizesSeen` then redraws the graph with them as a transition, so
   * giving every size back after the first paint does not hold up the page.
   */
  const sizes = useRef(new Map<string, { width: number; height: number }>());
  const [sizesSeen, setSizesSeen] = useState(0);
  const dragKey = useRef(0);
  const previousGraph = useRef<{ nodes: CanvasNode[]; edges: CanvasEdge[] } | null>(null);
  const readOnly = diffView !== null;
  const shown = diffView?.doc ?? doc;

  const graph = useMemo(() => {
    const g = flowToGraph(shown, readOnly ? { diff: decorations.diff ?? null, ...(decorations.flowNames ? { flowNames: decorations.flowNames } : {}) } : { ...decorations, selectedNodes, selectedEdges });
    for (const node of g.nodes) {
      const size = sizes.current.get(node.id);
      if (size) node.measured = size;
    }
    const reused = reuseUnchanged(previousGraph.current, g);
    previousGraph.current = reused;
    return reused;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sizesSeen stands for sizes.current
  }, [shown, decorations, selectedNodes, selectedEdges, sizesSeen, readOnly]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moves: { id: string; position: { x: number; y: number } }[] = [];
      let resized = false;
      const selections: { id: string; selected: boolean }[] = [];
      const removed: string[] = [];
      for (const c of changes) {
        if (c.type === "position" && c.position) moves.push({ id: c.id, position: c.position });
        else if (c.type === "dimensions" && c.dimensions) {
          sizes.current.set(c.id, c.dimensions);
          resized = true;
        } else if (c.type === "select") selections.push({ id: c.id, selected: c.selected });
        else if (c.type === "remove") removed.push(c.id);
      }
      if (resized) startTransition(() => setSizesSeen((n) => n + 1));
      if (readOnly) return;
      if (moves.length) dispatch({ type: "apply", change: { type: "node.move", moves }, coalesce: `drag:${dragKey.current}` });
      // Per-id toggles: node and edge selection changes arrive in separate callbacks.
      for (const s of selections) dispatch({ type: "select.toggle", kind: "node", id: s.id, selected: s.selected });
      if (removed.length) dispatch({ type: "apply", change: { type: "node.remove", ids: removed } });
    },
    [dispatch, readOnly],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      if (readOnly) return;
      const removed: string[] = [];
      for (const c of changes) {
        if (c.type === "select") dispatch({ type: "select.toggle", kind: "edge", id: c.id, selected: c.selected });
        else if (c.type === "remove") removed.push(c.id);
      }
      if (removed.length) dispatch({ type: "apply", change: { type: "edge.remove", ids: removed } });
    },
    [dispatch, readOnly],
  );

  // React Flow copies most of its props into its store, and each changed one notifies every node
  // and edge: the connection handlers read the document through a ref, so they stay the same
  // functions across edits.
  const latest = useRef({ doc, onToast });
  useLayoutEffect(() => {
    latest.current = { doc, onToast };
  });

  const onConnect = useCallback(
    (connection: Connection) => {
      const { doc, onToast } = latest.current;
      const source = doc.nodes.find((n) => n.id === connection.source);
      if (!source || !connection.target) return;
      const outgoing = (doc.edges ?? []).filter((e) => e.from === source.id);
      const trigger = defaultTrigger(source.kind, outgoing, connection.target);
      if (!trigger) {
        onToast(`Nothing can leave a ${source.kind} node.`);
        return;
      }
      const id = uniqueEdgeId(doc);
      dispatch({ type: "apply", change: { type: "edge.add", edge: { id, from: source.id, to: connection.target, trigger } }, select: { nodes: [], edges: [id] } });
    },
    [dispatch],
  );

  const isValidConnection = useCallback((c: Connection | CanvasEdge) => {
    const source = latest.current.doc.nodes.find((n) => n.id === c.source);
    return !!source && !isTerminalKind(source.kind);
  }, []);

  const onNodeDragStart = useCallback(() => {
    dragKey.current++;
  }, []);

  const addNode = useCallback(
    (kind: NodeKind, at?: { x: number; y: number }) => {
      const rect = wrapper.current?.getBoundingClientRect();
      const center = at ?? (rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 });
      const id = uniqueNodeId(doc, kind);
      const desired = { x: Math.round(center.x - NODE_WIDTH / 2), y: Math.round(center.y - 50) };
      const position = at ? desired : freePosition(doc, desired);
      dispatch({ type: "apply", change: { type: "node.add", nodes: [createNode(kind, id, position)] }, select: { nodes: [id] } });
      // Keep the new card in view: it may have been placed beside the ones at the centre.
      if (!at) requestAnimationFrame(() => void flow.setCenter(position.x + NODE_WIDTH / 2, position.y + 60, { zoom: Math.min(flow.getZoom(), 1), duration: 200 }));
    },
    [dispatch, doc, flow],
  );

  const layout = useCallback(() => {
    dispatch({ type: "apply", change: autoLayout(doc, sizes.current) });
    window.setTimeout(() => void flow.fitView({ ...FIT_VIEW, duration: 200 }), 60);
  }, [dispatch, doc, flow]);

  useEffect(() => {
    if (!focus) return;
    const node = flow.getNode(focus.nodeId);
    if (!node) return;
    const w = node.measured?.width ?? NODE_WIDTH;
    const h = node.measured?.height ?? 100;
    void flow.setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
  }, [focus, flow]);

  useEffect(() => {
    const onLayout = () => layout();
    const onFit = () => void flow.fitView({ ...FIT_VIEW, duration: 250 });
    window.addEventListener("voxchart:layout", onLayout);
    window.addEventListener("voxchart:fit", onFit);
    return () => {
      window.removeEventListener("voxchart:layout", onLayout);
      window.removeEventListener("voxchart:fit", onFit);
    };
  }, [layout, flow]);

  // The minimap draws every node again: it joins a moment after the canvas has painted.
  const showMiniMap = useWhenIdle(1000, MINIMAP_DELAY_MS);
  const labelLayer = useEdgeLabelLayerElement();
  const callbacks = useMemo(() => ({ selectEdge: (id: string) => !readOnly && dispatch({ type: "select", nodes: [], edges: [id] }) }), [dispatch, readOnly]);

  return (
    <CanvasCallbacksContext.Provider value={callbacks}>
      <EdgeLabelLayerProvider layer={labelLayer}>
        <div
          className="canvas-wrap"
          ref={wrapper}
          data-testid="canvas"
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes(PALETTE_MIME)) {
              e.preventDefault();
              e.dataTransfer.dropEffect = "copy";
            }
          }}
          onDrop={(e) => {
            const kind = e.dataTransfer.getData(PALETTE_MIME) as NodeKind | "";
            if (!kind || readOnly) return;
            e.preventDefault();
            addNode(kind, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
          }}
        >
          {!readOnly && <Palette onAdd={(kind) => addNode(kind)} />}
          {diffView && (
            <div className="banner" data-testid="diff-banner">
              <strong>{diffView.title}</strong>
              <span className="legend">
                <span style={{ color: "#32d583" }}>added</span>
                <span style={{ color: "#fdb022" }}>changed</span>
                <span style={{ color: "#f97066" }}>removed</span>
              </span>
              <button type="button" className="btn small" onClick={diffView.onClose}>
                Close diff
              </button>
              {decorations.diff && <DiffSummary caller={toFlowDiffDto(decorations.diff)} subflows={diffView.subflows} />}
            </div>
          )}
          <div className="canvas-toolbar">
            <button type="button" className="btn small ghost" onClick={layout} disabled={readOnly} title="Auto-layout (Shift+L)">
              Auto-layout
            </button>
            <button type="button" className="btn small ghost" onClick={() => void flow.fitView({ ...FIT_VIEW, duration: 250 })} title="Fit view (Shift+F)">
              Fit view
            </button>
          </div>
          <ReactFlow<CanvasNode, CanvasEdge>
            nodes={graph.nodes}
            edges={graph.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            isValidConnection={isValidConnection}
            onNodeDragStart={onNodeDragStart}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            elementsSelectable={!readOnly}
            deleteKeyCode={readOnly ? null : DELETE_KEYS}
            multiSelectionKeyCode={MULTI_SELECTION_KEYS}
            selectionKeyCode="Shift"
            fitView
            fitViewOptions={FIT_VIEW}
            minZoom={0.1}
            defaultEdgeOptions={defaultEdgeOptions}
          >
            <Background variant={BackgroundVariant.Dots} gap={18} size={1} color="#d0d5dd" />
            {showMiniMap && <MiniMap pannable zoomable nodeColor={miniMapNodeColor} nodeStrokeWidth={2} />}
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
      </EdgeLabelLayerProvider>
    </CanvasCallbacksContext.Provider>
  );
}

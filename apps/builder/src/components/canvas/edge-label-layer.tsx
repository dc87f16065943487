"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { EdgeLabelRenderer, useStore, type ReactFlowState } from "@xyflow/react";

/**
 * The element React Flow renders edge labels into, found once per canvas. React Flow's own
 * `<EdgeLabelRenderer>` subscribes every edge to the store with a selector that runs
 * `querySelector` on each store update: with hundreds of edges that dominated load and edit
 * time. `undefined` means no provider (fall back to React Flow's renderer).
 */
const EdgeLabelLayerContext = createContext<HTMLElement | null | undefined>(undefined);

const domNodeSelector = (s: ReactFlowState) => s.domNode;

/** The edge-label container of the surrounding React Flow instance (null until mounted). */
export function useEdgeLabelLayerElement(): HTMLElement | null {
  const domNode = useStore(domNodeSelector);
  return useMemo(() => domNode?.querySelector<HTMLElement>(".react-flow__edgelabel-renderer") ?? null, [domNode]);
}

export function EdgeLabelLayerProvider({ layer, children }: { layer: HTMLElement | null; children: ReactNode }) {
  return <EdgeLabelLayerContext.Provider value={layer}>{children}</EdgeLabelLayerContext.Provider>;
}

/** Renders an edge label above the edges, like `<EdgeLabelRenderer>`, without a store subscription per edge. */
export function EdgeLabel({ children }: { children: ReactNode }) {
  const layer = useContext(EdgeLabelLayerContext);
  if (layer === undefined) return <EdgeLabelRenderer>{children}</EdgeLabelRenderer>;
  return layer ? createPortal(children, layer) : null;
}

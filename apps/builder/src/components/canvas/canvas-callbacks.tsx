"use client";
import { createContext, useContext } from "react";

/** Callbacks custom edges and nodes need that React Flow does not route (label clicks). */
export interface CanvasCallbacks {
  selectEdge(id: string): void;
}

export const CanvasCallbacksContext = createContext<CanvasCallbacks>({ selectEdge: () => undefined });
export const useCanvasCallbacks = () => useContext(CanvasCallbacksContext);

import type { FlowDoc } from "./flow-types";

/**
 * Undo/redo over immutable documents. Edits with the same `coalesce` key in a row (typing in
 * one field, one drag) make one undo step.
 */
export interface History {
  past: FlowDoc[];
  present: FlowDoc;
  future: FlowDoc[];
  /** The key of the last edit, for coalescing. */
  lastKey: string | null;
}

export const HISTORY_LIMIT = 200;

export function createHistory(doc: FlowDoc): History {
  return { past: [], present: doc, future: [], lastKey: null };
}

export function record(history: History, next: FlowDoc, coalesce: string | null = null): History {
  if (next === history.present) return history;
  if (coalesce !== null && coalesce === history.lastKey) return { ...history, present: next, future: [] };
  const past = [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: coalesce };
}

export function undo(history: History): History {
  const previous = history.past[history.past.length - 1];
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastKey: null };
}

export function redo(history: History): History {
  const next = history.future[0];
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1), lastKey: null };
}

/** Replaces the document without an undo step (a reload from the server). */
export function reset(history: History, doc: FlowDoc): History {
  return createHistory(doc);
}

export const canUndo = (h: History) => h.past.length > 0;
export const canRedo = (h: History) => h.future.length > 0;

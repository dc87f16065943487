import { applyChange, type FlowChange } from "./edits";
import type { FlowDoc } from "./flow-types";
import { canRedo, canUndo, createHistory, record, redo, undo, type History } from "./history";

/** Everything the editor holds for one open flow, outside React. */
export interface EditorState {
  history: History;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
}

export type EditorAction =
  | { type: "apply"; change: FlowChange; coalesce?: string; select?: { nodes: string[]; edges?: string[] } }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "select"; nodes: readonly string[]; edges: readonly string[] }
  | { type: "select.toggle"; kind: "node" | "edge"; id: string; selected: boolean }
  | { type: "reset"; doc: FlowDoc };

export function createEditorState(doc: FlowDoc): EditorState {
  return { history: createHistory(doc), selectedNodes: new Set(), selectedEdges: new Set() };
}

/** Drops selections of things that no longer exist (after delete, undo). */
function pruneSelection(state: EditorState): EditorState {
  const doc = state.history.present;
  const nodes = new Set(doc.nodes.map((n) => n.id));
  const edges = new Set((doc.edges ?? []).map((e) => e.id));
  const keptNodes = [...state.selectedNodes].filter((id) => nodes.has(id));
  const keptEdges = [...state.selectedEdges].filter((id) => edges.has(id));
  if (keptNodes.length === state.selectedNodes.size && keptEdges.length === state.selectedEdges.size) return state;
  return { ...state, selectedNodes: new Set(keptNodes), selectedEdges: new Set(keptEdges) };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "apply": {
      const next = applyChange(state.history.present, action.change);
      let selected = { ...state, history: record(state.history, next, action.coalesce ?? null) };
      if (action.select) selected = { ...selected, selectedNodes: new Set(action.select.nodes), selectedEdges: new Set(action.select.edges ?? []) };
      // A renamed node stays selected under its new id.
      if (action.change.type === "node.update" && state.selectedNodes.has(action.change.id) && action.change.id !== action.change.node.id) {
        const nodes = new Set(selected.selectedNodes);
        nodes.delete(action.change.id);
        nodes.add(action.change.node.id);
        selected = { ...selected, selectedNodes: nodes };
      }
      return pruneSelection(selected);
    }
    case "undo":
      return canUndo(state.history) ? pruneSelection({ ...state, history: undo(state.history) }) : state;
    case "redo":
      return canRedo(state.history) ? pruneSelection({ ...state, history: redo(state.history) }) : state;
    case "select":
      return { ...state, selectedNodes: new Set(action.nodes), selectedEdges: new Set(action.edges) };
    case "select.toggle": {
      const key = action.kind === "node" ? "selectedNodes" : "selectedEdges";
      const set = new Set(state[key]);
      if (action.selected) set.add(action.id);
      else set.delete(action.id);
      if (set.size === state[key].size && action.selected === state[key].has(action.id)) return state;
      return { ...state, [key]: set };
    }
    case "reset":
      return pruneSelection({ ...state, history: createHistory(action.doc) });
  }
}

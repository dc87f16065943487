import { describe, expect, it } from "vitest";
import { sampleFlow } from "../test-support/sample-flow";
import { applyChange } from "./edits";
import { createEditorState, editorReducer } from "./editor-state";

describe("undo and redo", () => {
  it("coalesces one drag into one undo step and restores the position", () => {
    let state = createEditorState(sampleFlow());
    for (const y of [10, 20, 30]) state = editorReducer(state, { type: "apply", change: { type: "node.move", moves: [{ id: "greet", position: { x: 0, y } }] }, coalesce: "drag:1" });
    expect(state.history.past).toHaveLength(1);
    state = editorReducer(state, { type: "undo" });
    expect(state.history.present.nodes[0]?.position).toEqual({ x: 0, y: 0 });
    state = editorReducer(state, { type: "redo" });
    expect(state.history.present.nodes[0]?.position).toEqual({ x: 0, y: 30 });
  });

  it("a new edit after undo drops the redo stack, and deleted nodes leave the selection", () => {
    let state = createEditorState(sampleFlow());
    state = editorReducer(state, { type: "select", nodes: ["check"], edges: [] });
    state = editorReducer(state, { type: "apply", change: { type: "node.remove", ids: ["check"] } });
    expect(state.selectedNodes.size).toBe(0);
    state = editorReducer(state, { type: "undo" });
    expect(state.history.present.nodes.some((n) => n.id === "check")).toBe(true);
    state = editorReducer(state, { type: "apply", change: { type: "doc.update", patch: { name: "x" } } });
    expect(state.history.future).toHaveLength(0);
  });

  it("keeps a renamed node selected", () => {
    let state = createEditorState(sampleFlow());
    state = editorReducer(state, { type: "select", nodes: ["greet"], edges: [] });
    const greet = state.history.present.nodes[0];
    if (!greet) throw new Error("fixture");
    state = editorReducer(state, { type: "apply", change: { type: "node.update", id: "greet", node: { ...greet, id: "hello" } } });
    expect([...state.selectedNodes]).toEqual(["hello"]);
    expect(applyChange(state.history.present, { type: "node.remove", ids: [] })).toBe(state.history.present);
  });
});

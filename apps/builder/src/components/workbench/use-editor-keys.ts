"use client";
import { useEffect, useRef, type Dispatch } from "react";
import type { EditorAction, EditorState } from "@/canvas/editor-state";
import { copySelection, isClipboardContent, pasteClipboard, type ClipboardContent } from "@/canvas/clipboard";

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Editor shortcuts: Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Ctrl+C/X/V copy/cut/paste,
 * Ctrl+D duplicate, Ctrl+A select all, Shift+L auto-layout, Shift+F fit view. Delete and
 * Backspace are React Flow's. Shortcuts never fire while typing in a field.
 */
export function useEditorKeys(state: EditorState, dispatch: Dispatch<EditorAction>, enabled: boolean) {
  const clipboard = useRef<ClipboardContent | null>(null);
  const current = useRef(state);
  current.current = state;

  useEffect(() => {
    if (!enabled) return;
    const paste = (content: ClipboardContent) => {
      const { change, ids } = pasteClipboard(current.current.history.present, content);
      dispatch({ type: "apply", change, select: { nodes: ids } });
    };
    const copy = (): ClipboardContent | null => {
      const content = copySelection(current.current.history.present, [...current.current.selectedNodes]);
      if (!content) return null;
      clipboard.current = content;
      void navigator.clipboard?.writeText(JSON.stringify(content)).catch(() => undefined);
      return content;
    };
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === "z") {
        e.preventDefault();
        dispatch({ type: e.shiftKey ? "redo" : "undo" });
      } else if (mod && key === "y") {
        e.preventDefault();
        dispatch({ type: "redo" });
      } else if (mod && key === "c") {
        if (copy()) e.preventDefault();
      } else if (mod && key === "x") {
        if (copy()) {
          e.preventDefault();
          dispatch({ type: "apply", change: { type: "node.remove", ids: [...current.current.selectedNodes] } });
        }
      } else if (mod && key === "d") {
        e.preventDefault();
        const content = copySelection(current.current.history.present, [...current.current.selectedNodes]);
        if (content) paste(content);
      } else if (mod && key === "a") {
        e.preventDefault();
        const doc = current.current.history.present;
        dispatch({ type: "select", nodes: doc.nodes.map((n) => n.id), edges: (doc.edges ?? []).map((x) => x.id) });
      } else if (!mod && e.shiftKey && key === "l") {
        e.preventDefault();
        window.dispatchEvent(new Event("voxchart:layout"));
      } else if (!mod && e.shiftKey && key === "f") {
        e.preventDefault();
        window.dispatchEvent(new Event("voxchart:fit"));
      } else if (key === "escape") {
        dispatch({ type: "select", nodes: [], edges: [] });
      }
    };
    const onPaste = (e: ClipboardEvent) => {
      if (typing(e.target)) return;
      const text = e.clipboardData?.getData("text/plain") ?? "";
      let content: ClipboardContent | null = null;
      try {
        const parsed: unknown = JSON.parse(text);
        if (isClipboardContent(parsed)) content = parsed;
      } catch {
        /* not ours: fall back to the in-page clipboard */
      }
      content ??= clipboard.current;
      if (!content) return;
      e.preventDefault();
      paste(content);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("paste", onPaste);
    };
  }, [dispatch, enabled]);
}

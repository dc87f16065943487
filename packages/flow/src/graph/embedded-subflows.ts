import type { Flow } from "../schema";

/** Finds the flow a subflow node calls: `ref` is the node's `flow` field, `from` the calling flow. */
export type SubflowResolver = (ref: string, from: Flow) => Flow | undefined;

/**
 * A resolver that looks in the embedded `subflows` first — the calling flow's, then the root's
 * (a bundle keeps every flow it needs at its root) — and then asks `fallback` (files, the
 * builder's store). Undefined when there is nothing to resolve with, so callers that never
 * resolve subflows keep skipping those checks.
 */
export function withEmbeddedSubflows(root: Flow, fallback?: SubflowResolver): SubflowResolver | undefined {
  if (root.subflows === undefined) return fallback;
  return (ref, from) => from.subflows?.[ref] ?? root.subflows?.[ref] ?? fallback?.(ref, from);
}

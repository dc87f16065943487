import type { FlowDiffDto } from "../shared/api-schemas";
import type { FlowDoc } from "./flow-types";

export type DiffStatus = "added" | "removed" | "changed";

export interface FlowDiff {
  nodes: Map<string, DiffStatus>;
  edges: Map<string, DiffStatus>;
  /** Top-level parts that differ: settings, variables, globals, tools, start, name. */
  other: string[];
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function withoutPosition<T extends { position?: unknown }>(node: T): Omit<T, "position"> {
  const { position: _position, ...rest } = node;
  return rest;
}

function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[], key: (item: T) => string): Map<string, DiffStatus> {
  const result = new Map<string, DiffStatus>();
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  for (const [id, item] of now) {
    const was = old.get(id);
    if (!was) result.set(id, "added");
    else if (key(was) !== key(item)) result.set(id, "changed");
  }
  for (const id of old.keys()) if (!now.has(id)) result.set(id, "removed");
  return result;
}

/** What changed from `before` to `after`, by node and edge id. Moving a node is not a change. */
export function diffFlows(before: FlowDoc, after: FlowDoc): FlowDiff {
  const other = (["name", "description", "start", "variables", "settings", "tools", "globals"] as const).filter(
    (field) => stable(before[field] ?? null) !== stable(after[field] ?? null),
  );
  return {
    nodes: diffById(before.nodes, after.nodes, (n) => stable(withoutPosition(n))),
    edges: diffById(before.edges ?? [], after.edges ?? [], (e) => stable(e)),
    other,
  };
}

export function diffIsEmpty(diff: FlowDiff): boolean {
  return diff.nodes.size === 0 && diff.edges.size === 0 && diff.other.length === 0;
}

/** The diff as JSON (what the diff API answers): records by id instead of maps. */
export function toFlowDiffDto(diff: FlowDiff): FlowDiffDto {
  return { nodes: Object.fromEntries(diff.nodes), edges: Object.fromEntries(diff.edges), other: diff.other };
}

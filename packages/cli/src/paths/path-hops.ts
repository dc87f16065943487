import { createFlowIndex, simplePaths } from "@voxchart/flow";
import type { Flow, FlowIndex, FlowPath, ParsedEdge, ParsedNode, ParsedSlot } from "@voxchart/flow";

/** One edge taken on a path, in the flow (and subflow scope) it belongs to. */
export interface Hop {
  readonly scope: string;
  readonly flow: Flow;
  readonly node: ParsedNode;
  readonly edge: ParsedEdge;
}

export interface ExpandedPath {
  readonly hops: readonly Hop[];
  /** Qualified id of the terminal node, and the node itself. */
  readonly lastId: string;
  readonly last: ParsedNode;
}

/** The error message of stubbed tool failures in generated files. */
export const STUB_ERROR = "stubbed failure";

export const qualify = (scope: string, id: string): string => (scope ? `${scope}/${id}` : id);

/** Flow indexes, built once per flow document. */
export function indexOf(cache: Map<Flow, FlowIndex>, flow: Flow): FlowIndex {
  let index = cache.get(flow);
  if (!index) cache.set(flow, (index = createFlowIndex(flow)));
  return index;
}

export interface ExpandContext {
  readonly indexes: Map<Flow, FlowIndex>;
  readonly resolve: ((ref: string, from: Flow) => Flow | undefined) | undefined;
  readonly depth: number;
}

/** At most this many ways through each subflow, and in all, per path. */
const MAX_CHILD_PATHS = 6;
const MAX_EXPANSIONS = 24;

/**
 * The ways along a path with each subflow node inlined: one per path through the child from its
 * start to one of its end nodes (bounded), so a caller can pick the one whose outputs steer the
 * parent's decisions the path's way.
 */
export function expandPath(flow: Flow, scope: string, path: FlowPath, ctx: ExpandContext): ExpandedPath[] {
  const index = indexOf(ctx.indexes, flow);
  let prefixes: Hop[][] = [[]];
  for (const [i, id] of path.nodeIds.entries()) {
    const node = index.nodes.get(id)?.node;
    if (!node) return [];
    if (node.kind === "subflow") {
      const child = ctx.resolve?.(node.flow, flow);
      if (!child || ctx.depth > 8) return [];
      const childIndex = indexOf(ctx.indexes, child);
      const ends = child.nodes.filter((n) => n.kind === "end").map((n) => n.id);
      const inner = simplePaths(childIndex, child.start, ends, { maxPaths: MAX_CHILD_PATHS }).flatMap((p) =>
        expandPath(child, qualify(scope, node.id), p, { ...ctx, depth: ctx.depth + 1 }),
      );
      if (!inner.length) return [];
      prefixes = prefixes.flatMap((prefix) => inner.map((way) => [...prefix, ...way.hops])).slice(0, MAX_EXPANSIONS);
    }
    const edgeId = path.edgeIds[i];
    if (edgeId === undefined) return prefixes.map((hops) => ({ hops, lastId: qualify(scope, id), last: node }));
    const edge = flow.edges.find((e) => e.id === edgeId);
    if (!edge) return [];
    for (const prefix of prefixes) prefix.push({ scope, flow, node, edge });
  }
  return [];
}

export function requiredSlots(node: ParsedNode): ParsedSlot[] {
  return node.kind === "collect" ? node.slots.filter((s) => s.required) : [];
}

/** Whether the hop's node listens for the user (collect, conversation, say with intent edges). */
export function listens(hop: Hop): boolean {
  const { node, flow } = hop;
  return node.kind === "collect" || node.kind === "conversation" || (node.kind === "say" && flow.edges.some((e) => e.from === node.id && e.trigger.type === "intent"));
}

export function maxAttempts(hop: Hop): number {
  const own = "maxAttempts" in hop.node ? hop.node.maxAttempts : undefined;
  return own ?? hop.flow.settings.maxAttempts;
}


import type { Diagnostic } from "../diagnostics";
import type { ParsedEdge } from "../schema";
import { firingEdges, waitsForInput } from "../graph";
import { diagnostic, type CheckContext } from "./context";
import { triggerProblem } from "./invalid-triggers";

/**
 * A key for triggers that carry no condition: a second edge with the same key from the same
 * node is never taken, since edges are tried in document order. Conditions never shadow.
 */
function triggerKey(edge: ParsedEdge): string | undefined {
  const t = edge.trigger;
  switch (t.type) {
    case "condition":
      return undefined;
    case "intent":
      return `intent "${t.intent.name}"`;
    case "toolResult":
      return `toolResult "${t.result}"`;
    default:
      return `"${t.type}"`;
  }
}

/**
 * graph/invalid-trigger (warning): edges that can fire but never will, because an earlier edge
 * of the same node always wins: a repeated unconditional trigger, or anything after an
 * "always" edge of a node that does not wait for input.
 */
export function checkShadowedEdges({ index }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, { node }] of index.nodes) {
    const automatic = (node.kind === "say" || node.kind === "decide") && !waitsForInput(index, id);
    const seen = new Map<string, string>();
    let always: string | undefined;
    for (const { edge, index: i } of firingEdges(index, id)) {
      if (triggerProblem(index, node, edge.trigger.type) !== undefined) continue; // reported as invalid
      const key = triggerKey(edge);
      const earlier = always ?? (key !== undefined ? seen.get(key) : undefined);
      if (earlier !== undefined) {
        const why = always !== undefined ? `"always" edge "${always}" comes first` : `edge "${earlier}" with the same ${key} trigger comes first`;
        out.push(
          diagnostic({
            code: "graph/invalid-trigger",
            severity: "warning",
            message: `edge "${edge.id}" from ${node.kind} node "${id}" is never taken: ${why}`,
            path: ["edges", i, "trigger"],
            edgeId: edge.id,
            nodeId: id,
          }),
        );
        continue;
      }
      if (key !== undefined) seen.set(key, edge.id);
      if (automatic && edge.trigger.type === "always") always = edge.id;
    }
  }
  return out;
}

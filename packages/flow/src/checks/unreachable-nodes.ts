import type { Diagnostic } from "../diagnostics";
import { diagnostic, type CheckContext } from "./context";

/** graph/unreachable: nodes no edge or goto handler leads to from the start. */
export function checkUnreachableNodes({ flow, index }: CheckContext): Diagnostic[] {
  // Without a start node everything would be unreachable: graph/missing-start says it once.
  if (!index.nodes.has(flow.start)) return [];
  const out: Diagnostic[] = [];
  for (const [id, { index: i }] of index.nodes) {
    if (index.reachable.has(id)) continue;
    out.push(
      diagnostic({
        code: "graph/unreachable",
        severity: "warning",
        message: `node "${id}" can never be reached from the start node "${flow.start}" (no edge or goto handler leads to it)`,
        path: ["nodes", i],
        nodeId: id,
      }),
    );
  }
  return out;
}

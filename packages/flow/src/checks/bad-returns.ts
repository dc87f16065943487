import type { Diagnostic } from "../diagnostics";
import { diagnostic, type CheckContext } from "./context";

/**
 * graph/bad-return: an edge to "@return" from a node that is not inside a detour (a part of the
 * flow entered only through a goto global handler), so there is nowhere to return to.
 */
export function checkBadReturns({ flow, index }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  flow.edges.forEach((edge, i) => {
    if (edge.to !== "@return") return;
    // Unreachable sources are reported as such; whether they are detours is unknowable.
    if (!index.reachable.has(edge.from) || index.detours.has(edge.from)) return;
    out.push(
      diagnostic({
        code: "graph/bad-return",
        severity: "error",
        message: `edge "${edge.id}" returns ("@return") from node "${edge.from}", which is not inside a detour entered by a goto global handler: there is nowhere to return to`,
        path: ["edges", i, "to"],
        edgeId: edge.id,
        nodeId: edge.from,
      }),
    );
  });
  return out;
}

import type { Diagnostic } from "../diagnostics";
import { diagnostic, type CheckContext } from "./context";

/**
 * graph/missing-start, graph/missing-target (edge ends and goto targets) and
 * globals/unknown-node (the nodes / exceptNodes lists of a global handler).
 */
export function checkMissingReferences({ flow, index }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const known = (id: string): boolean => index.nodes.has(id);
  if (!known(flow.start)) {
    out.push(
      diagnostic({
        code: "graph/missing-start",
        severity: "error",
        message: `the start node "${flow.start}" does not exist`,
        path: ["start"],
      }),
    );
  }
  flow.edges.forEach((edge, i) => {
    if (!known(edge.from)) {
      out.push(
        diagnostic({
          code: "graph/missing-target",
          severity: "error",
          message: `edge "${edge.id}" leaves node "${edge.from}", which does not exist`,
          path: ["edges", i, "from"],
          edgeId: edge.id,
        }),
      );
    }
    if (edge.to !== "@return" && !known(edge.to)) {
      out.push(
        diagnostic({
          code: "graph/missing-target",
          severity: "error",
          message: `edge "${edge.id}" from "${edge.from}" leads to node "${edge.to}", which does not exist`,
          path: ["edges", i, "to"],
          edgeId: edge.id,
        }),
      );
    }
  });
  flow.globals.forEach((g, i) => {
    if (g.action.type === "goto" && !known(g.action.target)) {
      out.push(
        diagnostic({
          code: "graph/missing-target",
          severity: "error",
          message: `global handler "${g.id}" goes to node "${g.action.target}", which does not exist`,
          path: ["globals", i, "action", "target"],
        }),
      );
    }
    for (const list of ["nodes", "exceptNodes"] as const) {
      (g[list] ?? []).forEach((id, j) => {
        if (known(id)) return;
        out.push(
          diagnostic({
            code: "globals/unknown-node",
            severity: "error",
            message: `global handler "${g.id}" lists node "${id}" in ${list}, but there is no such node`,
            path: ["globals", i, list, j],
          }),
        );
      });
    }
  });
  return out;
}

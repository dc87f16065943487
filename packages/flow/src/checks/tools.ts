import type { Diagnostic } from "../diagnostics";
import { diagnostic, type CheckContext } from "./context";

/**
 * tool/unknown (warning): a function tool not declared in `flow.tools` (the engine may still
 * register it, but nothing is known of its parameters). tool/unknown-argument (error): an
 * argument the declaration does not list.
 */
export function checkTools({ flow }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  flow.nodes.forEach((node, i) => {
    if (node.kind !== "tool" || node.tool.type !== "function") return;
    const name = node.tool.name;
    const declaration = flow.tools[name];
    if (!declaration) {
      const known = Object.keys(flow.tools);
      out.push(
        diagnostic({
          code: "tool/unknown",
          severity: "warning",
          message: `tool node "${node.id}" calls "${name}", which is not declared in "tools"${known.length > 0 ? ` (declared: ${known.join(", ")})` : ""}`,
          path: ["nodes", i, "tool", "name"],
          nodeId: node.id,
        }),
      );
      return;
    }
    const params = Object.keys(declaration.parameters);
    for (const arg of Object.keys(node.args)) {
      if (arg in declaration.parameters) continue;
      out.push(
        diagnostic({
          code: "tool/unknown-argument",
          severity: "error",
          message: `tool "${name}" has no parameter "${arg}" (node "${node.id}"); its parameters are ${params.length > 0 ? params.join(", ") : "none"}`,
          path: ["nodes", i, "args", arg],
          nodeId: node.id,
        }),
      );
    }
  });
  return out;
}

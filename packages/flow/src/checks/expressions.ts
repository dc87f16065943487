import type { Diagnostic } from "../diagnostics";
import { checkSource } from "./check-source";
import { diagnostic, type CheckContext } from "./context";
import { expressionSites } from "./expression-sites";
import { isAssignable, isBooleanish, withArticle } from "./type-compat";

/**
 * expr/*: every template, edge condition, edge assign and tool argument parsed and checked
 * against the declared variables. Conditions must be boolean; assigns must target a declared
 * variable of a compatible type; tool args must fit the declared parameter types.
 */
export function checkExpressions({ flow, env }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const site of expressionSites(flow)) out.push(...checkSource(site, env).diagnostics);

  flow.edges.forEach((edge, i) => {
    const at = { edgeId: edge.id, nodeId: edge.from };
    if (edge.trigger.type === "condition") {
      const path = ["edges", i, "trigger", "when"];
      const r = checkSource({ kind: "expression", source: edge.trigger.when, path, ...at }, env);
      out.push(...r.diagnostics);
      if (r.type !== undefined && !isBooleanish(r.type)) {
        out.push(
          diagnostic({
            ...at,
            code: "expr/type-mismatch",
            severity: "warning",
            path,
            message: `the condition of edge "${edge.id}" is ${withArticle(r.type)}, not true/false; compare it explicitly (e.g. "${edge.trigger.when} != null")`,
          }),
        );
      }
    }
    for (const [name, source] of Object.entries(edge.assign ?? {})) {
      const path = ["edges", i, "assign", name];
      const r = checkSource({ kind: "expression", source, path, ...at }, env);
      out.push(...r.diagnostics);
      const target = env[name];
      if (target === undefined) {
        out.push(
          diagnostic({ ...at, code: "expr/unknown-variable", severity: "error", path, message: `edge "${edge.id}" assigns "${name}", which is not a declared variable; declare it in "variables"` }),
        );
      } else if (r.type !== undefined && !isAssignable(r.type, target)) {
        out.push(
          diagnostic({ ...at, code: "expr/type-mismatch", severity: "error", path, message: `edge "${edge.id}" assigns ${withArticle(r.type)} to "${name}", which is declared as ${target}` }),
        );
      }
    }
  });

  flow.nodes.forEach((node, i) => {
    if (node.kind !== "tool") return;
    const params = node.tool.type === "function" ? flow.tools[node.tool.name]?.parameters : undefined;
    for (const [name, source] of Object.entries(node.args)) {
      const path = ["nodes", i, "args", name];
      const r = checkSource({ kind: "expression", source, path, nodeId: node.id }, env);
      out.push(...r.diagnostics);
      const expected = params?.[name];
      if (expected !== undefined && r.type !== undefined && !isAssignable(r.type, expected)) {
        out.push(
          diagnostic({ nodeId: node.id, code: "expr/type-mismatch", severity: "error", path, message: `argument "${name}" of tool node "${node.id}" is ${withArticle(r.type)}, but the tool declares it as ${expected}` }),
        );
      }
    }
  });
  return out;
}

import type { Diagnostic } from "../diagnostics";
import type { Flow, NodeOfKind } from "../schema";
import { declaredVariables, type VariableEnv } from "../graph";
import { checkSource } from "./check-source";
import { diagnostic, type CheckContext, type CheckFlowOptions } from "./context";
import { isAssignable, withArticle } from "./type-compat";

type Resolver = NonNullable<CheckFlowOptions["resolveSubflow"]>;

/** The chain of flow ids from `flow` back into the call stack, if calling it closes a cycle. */
function findCycle(flow: Flow, stack: readonly string[], resolve: Resolver, seen: Set<string>): string[] | undefined {
  if (stack.includes(flow.id)) return [...stack, flow.id];
  if (seen.has(flow.id)) return undefined;
  seen.add(flow.id);
  for (const node of flow.nodes) {
    if (node.kind !== "subflow") continue;
    const child = resolve(node.flow, flow);
    const cycle = child && findCycle(child, [...stack, flow.id], resolve, seen);
    if (cycle) return cycle;
  }
  return undefined;
}

function checkBindings(node: NodeOfKind<"subflow">, i: number, env: VariableEnv, child: Flow | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const childEnv = child ? declaredVariables(child) : undefined;
  const at = { nodeId: node.id };
  for (const [name, source] of Object.entries(node.inputs)) {
    const path = ["nodes", i, "inputs", name];
    const r = checkSource({ kind: "expression", source, path, nodeId: node.id }, env);
    out.push(...r.diagnostics);
    if (!child || !childEnv) continue;
    const target = childEnv[name];
    if (target === undefined)
      out.push(diagnostic({ ...at, code: "expr/unknown-variable", severity: "error", path, message: `input "${name}" of subflow node "${node.id}" is not a variable of flow "${child.id}"` }));
    else if (r.type !== undefined && !isAssignable(r.type, target))
      out.push(diagnostic({ ...at, code: "expr/type-mismatch", severity: "error", path, message: `input "${name}" is ${withArticle(r.type)}, but flow "${child.id}" declares it as ${target}` }));
  }
  for (const [name, childName] of Object.entries(node.outputs)) {
    const path = ["nodes", i, "outputs", name];
    const target = env[name];
    if (target === undefined)
      out.push(diagnostic({ ...at, code: "expr/unknown-variable", severity: "error", path, message: `output "${name}" of subflow node "${node.id}" is not a declared variable of this flow` }));
    if (!child || !childEnv) continue;
    const source = childEnv[childName];
    if (source === undefined)
      out.push(diagnostic({ ...at, code: "expr/unknown-variable", severity: "error", path, message: `output "${name}" reads "${childName}", which is not a variable of flow "${child.id}"` }));
    else if (target !== undefined && !isAssignable(source, target))
      out.push(diagnostic({ ...at, code: "expr/type-mismatch", severity: "error", path, message: `output "${name}" (${target}) receives "${childName}", ${withArticle(source)} in flow "${child.id}"` }));
  }
  return out;
}

/**
 * subflow/unresolved, subflow/cycle, and the inputs/outputs of subflow nodes (expr/*). Without
 * a resolver only what this flow alone can tell is checked.
 */
export function checkSubflows({ flow, env, options }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const resolve = options.resolveSubflow;
  flow.nodes.forEach((node, i) => {
    if (node.kind !== "subflow") return;
    const child = resolve?.(node.flow, flow);
    if (resolve && !child) {
      out.push(
        diagnostic({ code: "subflow/unresolved", severity: "error", message: `subflow node "${node.id}" calls "${node.flow}", which could not be found`, path: ["nodes", i, "flow"], nodeId: node.id }),
      );
    }
    if (resolve && child) {
      const cycle = findCycle(child, [flow.id], resolve, new Set());
      if (cycle) {
        out.push(
          diagnostic({ code: "subflow/cycle", severity: "error", message: `subflow node "${node.id}" starts a cycle of flows that never ends: ${cycle.join(" → ")}`, path: ["nodes", i, "flow"], nodeId: node.id }),
        );
      }
    }
    out.push(...checkBindings(node, i, env, child));
  });
  return out;
}

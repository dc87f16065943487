import type { Diagnostic } from "../diagnostics";
import type { ParsedNode, TriggerType } from "../schema";
import { diagnostic, type CheckContext } from "./context";

type Problem = { severity: "error" | "warning"; message: string };

/** What is missing for a node to have a way forward, judged from its edges' triggers. */
function problemsOf(node: ParsedNode, triggers: readonly TriggerType[]): Problem[] {
  const has = (t: TriggerType): boolean => triggers.includes(t);
  const name = `${node.kind} node "${node.id}"`;
  switch (node.kind) {
    case "say":
      if (has("intent") || has("always")) return [];
      if (has("condition"))
        return [{ severity: "error", message: `${name} has only condition edges and no "always" edge: when no condition holds, the conversation stops here` }];
      return [{ severity: "error", message: `${name} has no way forward: add an "always" edge, or intent edges to wait for an answer` }];
    case "collect":
      return has("filled") ? [] : [{ severity: "error", message: `${name} has no "filled" edge: once its slots are filled it has nowhere to go` }];
    case "conversation":
      return has("intent") || has("noMatch")
        ? []
        : [{ severity: "error", message: `${name} has no exits: add intent edges (its functions) or a "noMatch" edge taken after maxTurns` }];
    case "decide":
      return has("always")
        ? []
        : [{ severity: "error", message: `${name} has no "always" edge (the else branch): when no condition holds, the conversation stops here` }];
    case "subflow":
      return has("always") ? [] : [{ severity: "error", message: `${name} has no "always" edge to continue by when the called flow ends` }];
    case "tool": // see toolProblems
    case "transfer":
    case "end":
      return [];
  }
}

/** Tool nodes need to handle both results; a missing error edge is only a warning. */
function toolProblems(node: ParsedNode, results: readonly string[]): Problem[] {
  if (node.kind !== "tool") return [];
  const out: Problem[] = [];
  if (!results.includes("success"))
    out.push({ severity: "error", message: `tool node "${node.id}" has no toolResult "success" edge: after the call it has nowhere to go` });
  if (!results.includes("error"))
    out.push({ severity: "warning", message: `tool node "${node.id}" has no toolResult "error" edge: a failed call stops the conversation here` });
  return out;
}

/** graph/dead-end: non-terminal nodes with no way forward. */
export function checkDeadEnds({ index }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, { node, index: i }] of index.nodes) {
    const edges = (index.outgoing.get(id) ?? []).map(({ edge }) => edge);
    const triggers = edges.map((e) => e.trigger.type);
    const results = edges.flatMap((e) => (e.trigger.type === "toolResult" ? [e.trigger.result] : []));
    for (const p of [...problemsOf(node, triggers), ...toolProblems(node, results)]) {
      out.push(diagnostic({ code: "graph/dead-end", severity: p.severity, message: p.message, path: ["nodes", i], nodeId: id }));
    }
  }
  return out;
}

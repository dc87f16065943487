import type { Diagnostic } from "../diagnostics";
import { allowedTriggers, isTerminalKind, waitsForInput, type FlowIndex } from "../graph";
import type { ParsedNode, TriggerType } from "../schema";
import { diagnostic, type CheckContext } from "./context";

/** Why a node can never fire a trigger of this type, or undefined when it can. */
export function triggerProblem(index: FlowIndex, source: ParsedNode, type: TriggerType): string | undefined {
  const allowed = allowedTriggers(source.kind);
  if (!allowed.includes(type)) return `a ${source.kind} node cannot fire a "${type}" trigger (it fires ${allowed.join(", ")})`;
  if (source.kind !== "say") return undefined;
  const waits = waitsForInput(index, source.id);
  if (!waits && (type === "noInput" || type === "noMatch"))
    return `say node "${source.id}" has no intent edges, so it never waits for an answer and "${type}" cannot happen`;
  if (waits && (type === "always" || type === "condition"))
    return `say node "${source.id}" has intent edges, so it waits for an answer and leaves only by intent, noInput or noMatch`;
  return undefined;
}

/**
 * graph/invalid-trigger: edges whose trigger their source node can never fire. Out-edges of
 * terminal nodes are warnings (harmless but misleading); others are errors.
 */
export function checkInvalidTriggers({ flow, index }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  flow.edges.forEach((edge, i) => {
    const source = index.nodes.get(edge.from)?.node;
    if (!source) return; // graph/missing-target reports it
    const type = edge.trigger.type;
    if (isTerminalKind(source.kind)) {
      out.push(
        diagnostic({
          code: "graph/invalid-trigger",
          severity: "warning",
          message: `edge "${edge.id}" leaves ${source.kind} node "${source.id}", which ends the conversation: it is never taken`,
          path: ["edges", i],
          edgeId: edge.id,
          nodeId: source.id,
        }),
      );
      return;
    }
    const reason = triggerProblem(index, source, type);
    if (reason === undefined) return;
    out.push(
      diagnostic({
        code: "graph/invalid-trigger",
        severity: "error",
        message: `edge "${edge.id}" is never taken: ${reason}`,
        path: ["edges", i, "trigger", "type"],
        edgeId: edge.id,
        nodeId: source.id,
      }),
    );
  });
  return out;
}

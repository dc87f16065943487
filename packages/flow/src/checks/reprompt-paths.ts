import type { Diagnostic } from "../diagnostics";
import { waitsForInput } from "../graph";
import { diagnostic, type CheckContext } from "./context";

/**
 * collect/no-input-path (warning): a node that waits for the caller (collect, conversation, say
 * with intent edges) with no `noInput` edge: after the last reprompt, silence keeps it waiting.
 * Global handlers are intents, so none of them can cover silence.
 * collect/no-match-path (info): a collect node with no `noMatch` edge keeps reprompting forever;
 * the caller is engaged there, so this is a hint, not a fault.
 */
export function checkRepromptPaths({ index }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, { node, index: i }] of index.nodes) {
    if (!waitsForInput(index, id)) continue;
    const triggers = (index.outgoing.get(id) ?? []).map(({ edge }) => edge.trigger.type);
    if (!triggers.includes("noInput")) {
      out.push(
        diagnostic({
          code: "collect/no-input-path",
          severity: "warning",
          message: `${node.kind} node "${id}" has no "noInput" edge: a caller who stays silent is reprompted forever; add one (to a transfer or an end, say)`,
          path: ["nodes", i],
          nodeId: id,
        }),
      );
    }
    if (node.kind === "collect" && !triggers.includes("noMatch")) {
      out.push(
        diagnostic({
          code: "collect/no-match-path",
          severity: "info",
          message: `collect node "${id}" has no "noMatch" edge: a caller who is never understood is reprompted without end`,
          path: ["nodes", i],
          nodeId: id,
        }),
      );
    }
  }
  return out;
}

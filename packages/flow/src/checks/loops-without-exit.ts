import type { Diagnostic } from "../diagnostics";
import { firingEdges, stronglyConnected, waitsForInput, type FlowIndex } from "../graph";
import { diagnostic, listNames, type CheckContext } from "./context";

/** Components that contain a cycle: several nodes, or one node with an edge to itself. */
function cyclic(components: string[][], successors: (v: string) => readonly string[]): string[][] {
  return components.filter((c) => c.length > 1 || (c[0] !== undefined && successors(c[0]).includes(c[0])));
}

function targets(index: FlowIndex, id: string, keep: (trigger: string, assigns: boolean) => boolean): string[] {
  return firingEdges(index, id).flatMap(({ edge }) =>
    edge.to !== "@return" && index.nodes.has(edge.to) && keep(edge.trigger.type, edge.assign !== undefined && Object.keys(edge.assign).length > 0)
      ? [edge.to]
      : [],
  );
}

/**
 * graph/loop-without-exit, two ways:
 * 1. a cycle of nodes none of which waits for input (nor calls a subflow) and from which no
 *    edge leaves;
 * 2. a cycle of automatic edges (always / condition) through say-without-intents and decide
 *    nodes that assigns nothing: the conditions cannot change, so once round it goes forever.
 */
export function checkLoopsWithoutExit({ index }: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = [...index.nodes.keys()];
  const order = (id: string): number => index.nodes.get(id)?.index ?? 0;
  const report = (component: string[], why: string): void => {
    const sorted = [...component].sort((a, b) => order(a) - order(b));
    const first = sorted[0] as string;
    out.push(
      diagnostic({
        code: "graph/loop-without-exit",
        severity: "error",
        message: `nodes ${listNames(sorted)} loop forever: ${why}`,
        path: ["nodes", order(first)],
        nodeId: first,
      }),
    );
  };

  const all = (v: string): string[] => targets(index, v, () => true);
  const covered = new Set<string>();
  for (const component of cyclic(stronglyConnected(ids, all), all)) {
    const members = new Set(component);
    // A called flow may listen to the caller too, so a subflow node counts as listening.
    if (component.some((id) => waitsForInput(index, id) || index.nodes.get(id)?.node.kind === "subflow")) continue;
    const leaves = component.some((id) =>
      firingEdges(index, id).some(({ edge }) => edge.to === "@return" || !members.has(edge.to)),
    );
    if (leaves) continue;
    component.forEach((id) => covered.add(id));
    report(component, "no node in the loop waits for the caller and no edge leads out of it");
  }

  const automatic = (v: string): string[] => {
    const kind = index.nodes.get(v)?.node.kind;
    if ((kind !== "say" && kind !== "decide") || waitsForInput(index, v)) return [];
    return targets(index, v, (t, assigns) => (t === "always" || t === "condition") && !assigns).filter((to) => {
      const k = index.nodes.get(to)?.node.kind;
      return (k === "say" || k === "decide") && !waitsForInput(index, to);
    });
  };
  for (const component of cyclic(stronglyConnected(ids, automatic), automatic)) {
    if (component.every((id) => covered.has(id))) continue;
    report(component, "its edges are automatic (always/condition), nothing waits for input and nothing is assigned, so once entered it never leaves");
  }
  return out;
}

import type { Diagnostic } from "../diagnostics";
import { diagnostic, type CheckContext } from "./context";

/** Reports every later use of an id already used earlier in the same list. */
function duplicatesIn(
  items: readonly { id: string }[],
  what: string,
  collection: "nodes" | "edges" | "globals",
): Diagnostic[] {
  const first = new Map<string, number>();
  const out: Diagnostic[] = [];
  items.forEach(({ id }, i) => {
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, i);
      return;
    }
    out.push(
      diagnostic({
        code: "ids/duplicate",
        severity: "error",
        message: `${what} id "${id}" is already used by ${collection}/${earlier}; ids must be unique`,
        path: [collection, i, "id"],
        ...(collection === "nodes" ? { nodeId: id } : collection === "edges" ? { edgeId: id } : {}),
      }),
    );
  });
  return out;
}

/** ids/duplicate: node, edge and global handler ids; slot names within a collect node. */
export function checkDuplicateIds({ flow }: CheckContext): Diagnostic[] {
  const out = [
    ...duplicatesIn(flow.nodes, "node", "nodes"),
    ...duplicatesIn(flow.edges, "edge", "edges"),
    ...duplicatesIn(flow.globals, "global handler", "globals"),
  ];
  flow.nodes.forEach((node, n) => {
    if (node.kind !== "collect") return;
    const seen = new Set<string>();
    node.slots.forEach((slot, s) => {
      if (!seen.has(slot.name)) {
        seen.add(slot.name);
        return;
      }
      out.push(
        diagnostic({
          code: "ids/duplicate",
          severity: "error",
          message: `slot "${slot.name}" appears twice in collect node "${node.id}"`,
          path: ["nodes", n, "slots", s, "name"],
          nodeId: node.id,
        }),
      );
    });
  });
  return out;
}

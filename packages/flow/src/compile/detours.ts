import type { Flow } from "../schema";
import { RETURN_TARGET } from "../schema";

function reachable(flow: Flow, from: readonly string[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of flow.edges) {
    if (e.to === RETURN_TARGET) continue;
    const list = next.get(e.from) ?? [];
    list.push(e.to);
    next.set(e.from, list);
  }
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const n of next.get(id) ?? []) stack.push(n);
  }
  return seen;
}

/**
 * Nodes reached only through a global handler's goto: they form "detours" outside the main
 * region, so leaving the main region records its history and `@return` can come back.
 */
export function detourNodeIds(flow: Flow): Set<string> {
  const main = reachable(flow, [flow.start]);
  const targets = flow.globals.flatMap((g) => (g.action.type === "goto" ? [g.action.target] : []));
  const viaGlobals = reachable(flow, targets);
  return new Set([...viaGlobals].filter((id) => !main.has(id)));
}

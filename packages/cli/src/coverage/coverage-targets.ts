import { isTerminalKind } from "@voxchart/flow";
import type { CompiledFlow } from "@voxchart/flow";

/** Everything a flow's tests can exercise, by qualified id (subflow parts under "node/…"). */
export interface CoverageTargets {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  readonly globals: readonly string[];
}

const qualify = (scope: string, id: string) => (scope ? `${scope}/${id}` : id);

/** Nodes, edges that can fire (none leave a transfer or end) and global handlers of a compiled flow. */
export function coverageTargets(compiled: CompiledFlow): CoverageTargets {
  const nodes: string[] = [];
  const edges: string[] = [];
  const scopes = new Map<string, CompiledFlow["flow"]>([["", compiled.flow]]);
  for (const node of compiled.nodes.values()) {
    nodes.push(node.id);
    if (!scopes.has(node.scope)) scopes.set(node.scope, node.flow);
    if (isTerminalKind(node.node.kind)) continue;
    for (const edge of node.edges) edges.push(qualify(node.scope, edge.id));
  }
  const globals = [...scopes].flatMap(([scope, flow]) => flow.globals.map((g) => qualify(scope, g.id)));
  return { nodes, edges, globals };
}

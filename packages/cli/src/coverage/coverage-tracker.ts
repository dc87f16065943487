import type { SessionOutput } from "@voxchart/engine";

/** What a run exercised: nodes entered, edges taken, global handlers fired. */
export interface CoverageHits {
  readonly nodes: Set<string>;
  readonly edges: Set<string>;
  readonly globals: Set<string>;
}

export function emptyHits(): CoverageHits {
  return { nodes: new Set(), edges: new Set(), globals: new Set() };
}

/** Records one session output (listen with `session.on`). */
export function recordHit(hits: CoverageHits, output: SessionOutput): void {
  if (output.type === "state.changed") hits.nodes.add(output.nodeId);
  else if (output.type === "trace") (output.kind === "edge" ? hits.edges : hits.globals).add(output.id);
}

export function mergeHits(into: CoverageHits, from: CoverageHits): void {
  for (const k of ["nodes", "edges", "globals"] as const) for (const id of from[k]) into[k].add(id);
}

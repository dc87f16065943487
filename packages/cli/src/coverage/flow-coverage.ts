import type { CoverageTargets } from "./coverage-targets";
import type { CoverageHits } from "./coverage-tracker";

export interface CoverageCount {
  readonly covered: number;
  readonly total: number;
  /** Never exercised, in flow order. */
  readonly missed: readonly string[];
}

export interface FlowCoverage {
  /** The flow file, as shown to the user. */
  readonly flow: string;
  readonly flowId: string;
  readonly nodes: CoverageCount;
  readonly edges: CoverageCount;
  readonly globals: CoverageCount;
}

function count(targets: readonly string[], hits: ReadonlySet<string>): CoverageCount {
  const missed = targets.filter((t) => !hits.has(t));
  return { covered: targets.length - missed.length, total: targets.length, missed };
}

export function flowCoverage(flow: string, flowId: string, targets: CoverageTargets, hits: CoverageHits): FlowCoverage {
  return { flow, flowId, nodes: count(targets.nodes, hits.nodes), edges: count(targets.edges, hits.edges), globals: count(targets.globals, hits.globals) };
}

/** Rounded down, so only full coverage reads 100%. */
const pct = (c: CoverageCount) => (c.covered === c.total ? "100%" : `${(Math.floor((c.covered / c.total) * 1000) / 10).toFixed(1)}%`);

/** A few lines per flow: counts, percentages, and what was never reached. */
export function formatCoverage(report: readonly FlowCoverage[]): string {
  const lines = ["Coverage:"];
  for (const f of report) {
    lines.push(`  ${f.flow} (${f.flowId})`);
    for (const [label, c] of [["nodes", f.nodes], ["edges", f.edges], ["globals", f.globals]] as const) {
      lines.push(`    ${label.padEnd(8)} ${String(c.covered).padStart(3)}/${String(c.total).padEnd(3)} ${pct(c).padStart(6)}${c.missed.length ? `  never reached: ${c.missed.join(", ")}` : ""}`);
    }
  }
  return lines.join("\n");
}

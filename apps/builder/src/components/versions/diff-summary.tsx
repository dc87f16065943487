import { describeFlowChanges, describeSubflowChanges, diffShowsNoChanges, type SideLabels } from "@/canvas/diff-summary";
import type { FlowDiffDto, SubflowDiffDto } from "@/shared/api-schemas";

/** The subflows part of a version diff, as the diff API answered it (or why it could not). */
export type SubflowDiffOutcome = { state: "compared"; subflows: SubflowDiffDto[]; labels: SideLabels } | { state: "failed"; message: string };

/**
 * Under the diff banner: what changed in this flow and in each flow it calls (the canvas colours
 * only this flow's nodes and edges). "No changes" only when the caller and all its subflows are
 * known to be the same.
 */
export function DiffSummary({ caller, subflows }: { caller: FlowDiffDto; subflows: SubflowDiffOutcome }) {
  const own = describeFlowChanges(caller);
  if (subflows.state === "compared" && diffShowsNoChanges(caller, subflows.subflows)) {
    const n = subflows.subflows.length;
    return (
      <div className="diff-summary" data-testid="diff-summary">
        <div>No changes{n > 0 ? ` (this flow and the ${n === 1 ? "subflow" : `${n} subflows`} it calls)` : ""}.</div>
      </div>
    );
  }
  const lines = subflows.state === "compared" ? describeSubflowChanges(subflows.subflows, subflows.labels) : [];
  const calls = subflows.state === "compared" ? subflows.subflows.length : 0;
  if (lines.length === 0 && calls > 0) lines.push(calls === 1 ? "The subflow it calls: no changes" : `The ${calls} subflows it calls: no changes`);
  return (
    <div className="diff-summary" data-testid="diff-summary">
      <div>This flow: {own || "no changes"}</div>
      {lines.map((line) => (
        <div key={line} data-testid="diff-subflow">
          {line}
        </div>
      ))}
      {subflows.state === "failed" && <div className="diff-summary-error">Subflows not compared: {subflows.message}</div>}
    </div>
  );
}

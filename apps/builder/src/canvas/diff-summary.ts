import type { DiffSide, FlowDiffDto, SubflowDiffDto } from "../shared/api-schemas";

/** The version diff in sentences, for the banner over the canvas: one line per flow that changed. */

type Status = "added" | "removed" | "changed";
const ORDER: readonly Status[] = ["added", "removed", "changed"];

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

function counted(byId: Record<string, Status>, what: string): string[] {
  const statuses = Object.values(byId);
  return ORDER.flatMap((status) => {
    const n = statuses.filter((s) => s === status).length;
    return n > 0 ? [`${count(n, what)} ${status}`] : [];
  });
}

/** "2 nodes changed, 1 edge added, settings changed"; empty when nothing changed. */
export function describeFlowChanges(diff: FlowDiffDto): string {
  const parts = [...counted(diff.nodes, "node"), ...counted(diff.edges, "edge")];
  if (diff.other.length > 0) parts.push(`${diff.other.join(", ")} changed`);
  return parts.join(", ");
}

/** How the two sides are called in sentences: "v1", "draft". */
export type SideLabels = Record<DiffSide, string>;

/** What happened to one subflow, after its name and reference; null when it did not change. */
function subflowChange(entry: SubflowDiffDto, labels: SideLabels): string | null {
  switch (entry.status) {
    case "unchanged":
      return null;
    case "added":
      return `added (${labels.to} calls it, ${labels.from} did not)`;
    case "removed":
      return `removed (${labels.from} called it, ${labels.to} does not)`;
    case "changed":
      return describeFlowChanges(entry.diff);
    case "not-pinned":
      return `not pinned in ${entry.notPinnedIn.map((side) => labels[side]).join(" nor ")} (published before versions embedded their subflows), so whether it changed is not known`;
  }
}

/**
 * One line per subflow that differs (or may differ), e.g.
 * `Subflow “Identity check”: 2 nodes changed, 1 edge added`; one called through another names
 * that one: `Subflow “Date of birth” (called by “Identity check”): added (…)`.
 */
export function describeSubflowChanges(subflows: readonly SubflowDiffDto[], labels: SideLabels): string[] {
  const names = new Map(subflows.map((s) => [s.ref, s.name]));
  return subflows.flatMap((entry) => {
    const change = subflowChange(entry, labels);
    if (change === null) return [];
    const caller = entry.via.at(-1);
    // The ref is a flow id in the builder (a UUID): the name says enough, the caller tells nested ones apart.
    const where = caller === undefined ? "" : ` (called by “${names.get(caller) ?? caller}”)`;
    return [`Subflow “${entry.name}”${where}: ${change}`];
  });
}

/** True only when the caller and every flow it calls are known to be the same on both sides. */
export function diffShowsNoChanges(caller: FlowDiffDto, subflows: readonly SubflowDiffDto[]): boolean {
  return describeFlowChanges(caller) === "" && subflows.every((s) => s.status === "unchanged");
}

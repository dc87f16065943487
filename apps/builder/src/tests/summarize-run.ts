import type { TestRunDto } from "../shared/api-schemas";
import type { TestResult } from "../shared/test-case-schema";

export interface RunSummary {
  id: string;
  /** ISO time the run finished (or started, while it runs). */
  at: string;
  status: TestRunDto["status"];
  /** What it ran on: the draft, or a published version (by id). */
  versionId: string | null;
  /** "15/15 passed", "14/15 passed". */
  counts: string;
  /** The cases that failed, each with its first failure: `books a table: turn 2 "four": expected …`. */
  failures: string[];
}

/** The cases that failed, each with its first failure. */
export function failuresOf(results: readonly TestResult[]): string[] {
  return results.filter((r) => !r.passed).map((r) => (r.failure ? `${r.name}: ${r.failure.message}` : r.name));
}

/** One recorded run of a flow's test cases, as a line of the run history. */
export function summarizeRun(run: TestRunDto): RunSummary {
  return {
    id: run.id,
    at: run.finishedAt ?? run.startedAt,
    status: run.status,
    versionId: run.versionId,
    counts: `${run.passed}/${run.passed + run.failed} passed`,
    failures: failuresOf(run.results),
  };
}

"use client";
import { useEffect, useState } from "react";
import { api } from "@/client/api-client";
import { summarizeRun, type RunSummary } from "@/tests/summarize-run";

const SHOWN = 10;

/** The flow's recorded test runs, newest first: loaded when opened and after each new run. */
export function TestRunHistory({ flowId, refreshKey }: { flowId: string; refreshKey: number }) {
  const [open, setOpen] = useState(false);
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [versionNumbers, setVersionNumbers] = useState<ReadonlyMap<string, number>>(new Map());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    Promise.all([api.listTestRuns(flowId), api.listVersions(flowId)]).then(
      ([list, versions]) => {
        if (!live) return;
        setRuns(list.slice(0, SHOWN).map(summarizeRun));
        setVersionNumbers(new Map(versions.map((v) => [v.id, v.number])));
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [flowId, open, refreshKey]);

  return (
    <details className="run-history" data-testid="run-history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Run history</summary>
      {error && <div className="mismatch">{error}</div>}
      {runs?.length === 0 && <div className="hint">No runs recorded yet.</div>}
      <ol>
        {runs?.map((run) => (
          <li key={run.id} data-testid="run-history-entry">
            <span className={`badge ${run.status === "passed" ? "ok" : run.status === "running" ? "" : "error"}`}>{run.counts}</span>{" "}
            <span className="hint">{run.versionId === null ? "draft" : `v${versionNumbers.get(run.versionId) ?? "?"}`}</span>{" "}
            <time dateTime={run.at}>{new Date(run.at).toLocaleString()}</time>
            {run.failures.length > 0 && (
              <ul>
                {run.failures.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

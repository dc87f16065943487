"use client";
import { useCallback, useEffect, useState } from "react";
import { compileFlow, type Flow } from "@voxchart/flow";
import { api } from "@/client/api-client";
import type { TestCaseDto } from "@/shared/api-schemas";
import type { TestResult } from "@/shared/test-case-schema";
import { runTestCase } from "@/tests/run-test-case";
import { toCliTestFile } from "@/tests/to-cli-test-file";

/** The flow's conversation tests, run in the page with the same engine as the CLI. */
export interface TestsPanelProps {
  flowId: string;
  /** The flow's slug: the exported test file names `./<slug>.flow.json` (the export's name). */
  flowSlug: string;
  flow: Flow | null;
  resolveSubflow: (ref: string) => Flow | undefined;
  refreshKey: number;
  onToast: (m: string) => void;
}

export function TestsPanel({ flowId, flowSlug, flow, resolveSubflow, refreshKey, onToast }: TestsPanelProps) {
  const [cases, setCases] = useState<TestCaseDto[] | null>(null);
  const [results, setResults] = useState<ReadonlyMap<string, TestResult>>(new Map());
  const [running, setRunning] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.listTestCases(flowId).then(setCases, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [flowId]);
  useEffect(() => {
    load();
  }, [load, refreshKey]);

  const run = async (which: TestCaseDto[]) => {
    if (!flow) {
      onToast("Fix the schema errors before running tests.");
      return;
    }
    const compiled = compileFlow(flow, { resolveSubflow });
    if (!compiled.ok) {
      onToast("The flow does not compile.");
      return;
    }
    setRunning(which.length === 1 ? (which[0]?.id ?? null) : "all");
    const next = new Map(results);
    const batch: TestResult[] = [];
    for (const tc of which) {
      const result = await runTestCase(compiled.compiled, tc);
      next.set(tc.id, result);
      batch.push(result);
      setResults(new Map(next));
    }
    setRunning(null);
    await api.recordTestRun(flowId, batch).catch(() => onToast("The run finished but could not be recorded."));
  };

  const passed = [...results.values()].filter((r) => r.passed).length;
  return (
    <div data-testid="tests-panel">
      <div className="sim-controls">
        <button type="button" className="btn small primary" disabled={!cases?.length || running !== null} onClick={() => cases && void run(cases)} data-testid="run-all-tests">
          Run all
        </button>
        <button
          type="button"
          className="btn small"
          disabled={!cases?.length}
          title="Download these tests as a file `voxchart test` runs in CI"
          onClick={() => {
            if (!cases) return;
            const slug = flowSlug || "flow";
            const file = toCliTestFile(`./${slug}.flow.json`, cases);
            const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: "application/json" }));
            const a = document.createElement("a");
            a.href = url;
            a.download = `${slug}.test.json`;
            a.click();
            URL.revokeObjectURL(url);
          }}
        >
          Export for CLI
        </button>
        <span style={{ flex: 1 }} />
        {results.size > 0 && (
          <span className={`badge ${passed === results.size ? "ok" : "error"}`} data-testid="tests-summary">
            {passed}/{results.size} passed
          </span>
        )}
      </div>
      {loadError && <div className="mismatch" style={{ margin: 10 }}>{loadError}</div>}
      {cases?.length === 0 && <div className="empty">No test cases yet. Simulate a conversation and choose “Save as test”.</div>}
      <ul className="row-list">
        {cases?.map((tc) => {
          const r = results.get(tc.id);
          return (
            <li key={tc.id} data-testid="test-case">
              <div className="row-head">
                {r ? <span className={`badge ${r.passed ? "ok" : "error"}`}>{r.passed ? "pass" : "fail"}</span> : <span className="badge">not run</span>}
                <span className="grow" title={tc.name}>
                  {tc.name}
                </span>
                <span className="hint">{tc.conversation.steps.length} steps</span>
                <button type="button" className="btn small" disabled={running !== null} onClick={() => void run([tc])}>
                  {running === tc.id ? "Running…" : "Run"}
                </button>
                <button
                  type="button"
                  className="btn small ghost"
                  aria-label={`Delete ${tc.name}`}
                  onClick={() => void api.deleteTestCase(flowId, tc.id).then(load, (e: unknown) => onToast(e instanceof Error ? e.message : String(e)))}
                >
                  ✕
                </button>
              </div>
              {r?.mismatch && (
                <div className="mismatch" data-testid="test-mismatch">
                  Step {r.mismatch.step + 1}, {r.mismatch.field}: expected <strong>{r.mismatch.expected}</strong>, got <strong>{r.mismatch.actual}</strong>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

"use client";
import { useCallback, useEffect, useState } from "react";
import { compileFlow, type Flow } from "@voxchart/flow";
import { api, ApiRequestError } from "@/client/api-client";
import { FilePickerButton } from "@/components/ui/file-picker-button";
import { PromptDialog } from "@/components/ui/confirm-dialog";
import { plural, TestCaseRow, type Readable } from "./test-case-row";
import { TestRunHistory } from "./test-run-history";
import type { TestCaseDto } from "@/shared/api-schemas";
import type { TestResult } from "@/shared/test-case-schema";
import { toCliTestFile } from "@/tests/to-cli-test-file";

/** The flow's conversation tests, run in the page with the engine's runner, the one `voxchart test` uses. */
export interface TestsPanelProps {
  flowId: string;
  /** The flow's slug: the exported test file names `./<slug>.flow.json` (the export's name). */
  flowSlug: string;
  flow: Flow | null;
  resolveSubflow: (ref: string) => Flow | undefined;
  refreshKey: number;
  onToast: (m: string) => void;
}

const isReadable = (tc: TestCaseDto): tc is Readable => tc.conversation !== null;

function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

export function TestsPanel({ flowId, flowSlug, flow, resolveSubflow, refreshKey, onToast }: TestsPanelProps) {
  const [cases, setCases] = useState<TestCaseDto[] | null>(null);
  const [results, setResults] = useState<ReadonlyMap<string, TestResult>>(new Map());
  const [running, setRunning] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [recorded, setRecorded] = useState(0);
  const [rerecording, setRerecording] = useState<Readable | null>(null);
  const [importProblems, setImportProblems] = useState<{ file: string; problems: string[] } | null>(null);

  const load = useCallback(() => {
    api.listTestCases(flowId).then(setCases, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [flowId]);
  useEffect(() => {
    load();
  }, [load, refreshKey]);

  /** The flow as it runs now, or null (with a toast saying why). */
  const compiledFlow = () => {
    if (!flow) {
      onToast("Fix the schema errors before running tests.");
      return null;
    }
    const compiled = compileFlow(flow, { resolveSubflow });
    if (!compiled.ok) onToast("The flow does not compile.");
    return compiled.ok ? compiled : null;
  };

  const run = async (which: Readable[]) => {
    const compiled = compiledFlow();
    if (!compiled) return;
    setRunning(which.length === 1 ? (which[0]?.id ?? null) : "all");
    // The runner (and the engine with it) loads on the first run, not with the page.
    const { runTestCase } = await import("@/tests/run-test-case");
    const next = new Map(results);
    const batch: TestResult[] = [];
    for (const tc of which) {
      const result = await runTestCase(compiled.compiled, tc);
      next.set(tc.id, result);
      batch.push(result);
      setResults(new Map(next));
    }
    setRunning(null);
    await api.recordTestRun(flowId, batch).then(
      () => setRecorded((n) => n + 1),
      () => onToast("The run finished but could not be recorded."),
    );
  };

  /** Takes what the flow says now into the case (see rerecord-case.ts), saves it and runs it again. */
  const rerecord = async (tc: Readable) => {
    const compiled = compiledFlow();
    if (!compiled) return;
    const { rerecordCase } = await import("@/tests/rerecord-case");
    const result = await rerecordCase(compiled.compiled, tc.conversation);
    if (!result.ok) {
      onToast(result.message);
      return;
    }
    try {
      const saved = await api.updateTestCase(flowId, tc.id, { conversation: result.conversation });
      setCases((list) => list?.map((c) => (c.id === saved.id ? saved : c)) ?? null);
      onToast(result.changedTurns ? `Accepted the new output in ${plural(result.changedTurns, "turn")} of “${tc.name}”` : `“${tc.name}” already expects what the flow does now`);
      if (saved.conversation) await run([{ ...saved, conversation: saved.conversation }]);
    } catch (e) {
      onToast(e instanceof Error ? e.message : String(e));
    }
  };

  const importFile = async (file: File) => {
    setImportProblems(null);
    try {
      const { created, updated } = await api.importTestFile(flowId, file.name, await file.text());
      onToast(`Imported ${plural(created.length + updated.length, "test case")} from ${file.name}${updated.length ? ` (${updated.length} replaced by name)` : ""}`);
      load();
    } catch (e) {
      const problems = e instanceof ApiRequestError && Array.isArray(e.details.problems) ? e.details.problems.map(String) : [e instanceof Error ? e.message : String(e)];
      setImportProblems({ file: file.name, problems });
    }
  };

  const readable = cases?.filter(isReadable) ?? [];
  const unreadable = (cases?.length ?? 0) - readable.length;
  const passed = [...results.values()].filter((r) => r.passed).length;
  return (
    <div data-testid="tests-panel">
      <div className="sim-controls">
        <button type="button" className="btn small primary" disabled={!readable.length || running !== null} onClick={() => void run(readable)} data-testid="run-all-tests">
          Run all
        </button>
        <FilePickerButton
          label="Import…"
          className="btn small"
          accept=".yaml,.yml,.json"
          title="Add the conversations of a voxchart test file (YAML or JSON) as test cases"
          testId="import-tests"
          onFile={(file) => void importFile(file)}
        />
        <button
          type="button"
          className="btn small"
          disabled={!readable.length}
          title="Download these tests as a file `voxchart test` runs in CI"
          onClick={() => {
            const slug = flowSlug || "flow";
            download(`${slug}.test.json`, `${JSON.stringify(toCliTestFile(`./${slug}.flow.json`, readable), null, 2)}\n`);
            if (unreadable) onToast(`${plural(unreadable, "unreadable test case")} left out of the export.`);
          }}
        >
          Export
        </button>
        <span style={{ flex: 1 }} />
        {results.size > 0 && (
          <span className={`badge ${passed === results.size ? "ok" : "error"}`} data-testid="tests-summary">
            {passed}/{results.size} passed
          </span>
        )}
      </div>
      {loadError && <div className="mismatch" style={{ margin: 10 }}>{loadError}</div>}
      {importProblems && (
        <div className="mismatch" style={{ margin: 10 }} data-testid="import-problems">
          <strong>{importProblems.file} was not imported</strong> (nothing was saved):
          <ul className="problem-lines">
            {importProblems.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {cases?.length === 0 && <div className="empty">No test cases yet. Simulate a conversation and choose “Save as test”, or import a voxchart test file.</div>}
      <ul className="row-list">
        {cases?.map((tc) => (
          <TestCaseRow
            key={tc.id}
            testCase={tc}
            result={results.get(tc.id)}
            running={running}
            onRun={(readable) => void run([readable])}
            onAccept={setRerecording}
            onDelete={() => void api.deleteTestCase(flowId, tc.id).then(load, (e: unknown) => onToast(e instanceof Error ? e.message : String(e)))}
          />
        ))}
      </ul>
      {cases !== null && cases.length > 0 && <TestRunHistory flowId={flowId} refreshKey={recorded} />}
      <PromptDialog
        open={rerecording !== null}
        title={`Accept the new output for “${rerecording?.name ?? ""}”?`}
        message="The user's turns are replayed on the flow as it is now, and the checks that fail — lines, node, ending, outcome, transfer — then expect what happens now. Passing checks, and variable and filler checks, stay as they are."
        confirmLabel="Accept new output"
        onCancel={() => setRerecording(null)}
        onConfirm={() => {
          const tc = rerecording;
          setRerecording(null);
          if (tc) void rerecord(tc);
        }}
      />
    </div>
  );
}

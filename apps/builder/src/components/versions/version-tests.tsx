"use client";
import { useState } from "react";
import { api } from "@/client/api-client";
import type { VersionSummaryDto } from "@/shared/api-schemas";

/** A version's test status: its newest run (made when it was published or deployed), or a button to run them. */
export function VersionTests({ flowId, version, onTested, onToast }: { flowId: string; version: VersionSummaryDto; onTested: () => void; onToast: (m: string) => void }) {
  const [running, setRunning] = useState(false);
  const tests = version.tests;
  const run = async () => {
    setRunning(true);
    try {
      const result = await api.testVersion(flowId, version.id);
      onToast(result ? `v${version.number}: ${result.passed}/${result.passed + result.failed} test cases passed` : "This flow has no test cases yet.");
      onTested();
    } catch (e) {
      onToast(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };
  return (
    <div className="row-head" data-testid="version-tests">
      {tests ? (
        <span className={`badge ${tests.failed ? "error" : "ok"}`} title={tests.failures.join("\n") || "every test case passed"}>
          tests {tests.passed}/{tests.passed + tests.failed}
        </span>
      ) : (
        <span className="hint">not tested</span>
      )}
      <span className="grow hint">{tests ? new Date(tests.at).toLocaleString() : ""}</span>
      <button type="button" className="btn small" disabled={running} onClick={() => void run()} data-testid="test-version">
        {running ? "Testing…" : tests ? "Test again" : "Run tests"}
      </button>
    </div>
  );
}

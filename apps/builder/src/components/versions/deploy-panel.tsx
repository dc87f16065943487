"use client";
import { useEffect, useState } from "react";
import { deployFlow, DEFAULT_RUNTIME_URL, savedRuntimeUrl, saveRuntimeUrl } from "@/client/deploy-client";
import { ApiRequestError } from "@/client/api-client";
import type { DeployResult } from "@/shared/deploy-schemas";

export interface DeployPanelProps {
  flowId: string;
  /** Saves pending edits first, so the deploy takes what the author sees. */
  flushDraft: () => Promise<void>;
  onToast: (message: string) => void;
}

/** Deploy: publish the draft (or reuse its identical version) and load it into a running voice runtime. */
export function DeployPanel({ flowId, flushDraft, onToast }: DeployPanelProps) {
  const [runtimeUrl, setRuntimeUrl] = useState(DEFAULT_RUNTIME_URL);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The test cases failed on what would be deployed: the author may deploy anyway. */
  const [testsFailed, setTestsFailed] = useState(false);
  const [result, setResult] = useState<DeployResult | null>(null);

  useEffect(() => {
    setRuntimeUrl(savedRuntimeUrl());
  }, []);

  const deploy = async (allowFailingTests = false) => {
    setBusy(true);
    setError(null);
    setTestsFailed(false);
    try {
      await flushDraft();
      saveRuntimeUrl(runtimeUrl);
      const deployed = await deployFlow(flowId, runtimeUrl.trim(), { allowFailingTests });
      setResult(deployed);
      const tests = deployed.tests ? ` (tests ${deployed.tests.passed}/${deployed.tests.passed + deployed.tests.failed} passed)` : "";
      onToast(`Deployed v${deployed.version.number} to ${deployed.deployment.runtimeUrl ?? runtimeUrl}${tests}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setTestsFailed(e instanceof ApiRequestError && e.code === "tests-failed");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="section" style={{ borderBottom: "1px solid var(--border)" }} data-testid="deploy-panel">
      <div className="field">
        <label className="field-label" htmlFor="runtime-url">
          Voice runtime
        </label>
        <input id="runtime-url" type="text" className="input" value={runtimeUrl} onChange={(e) => setRuntimeUrl(e.target.value)} placeholder={DEFAULT_RUNTIME_URL} />
      </div>
      <div style={{ display: "flex", gap: 6, alignItems: "center" }}>
        <button type="button" className="btn primary" disabled={busy || runtimeUrl.trim() === ""} onClick={() => void deploy()} data-testid="deploy">
          {busy ? "Deploying…" : "Deploy to runtime"}
        </button>
        <a className="btn" href={`/talk/${encodeURIComponent(flowId)}?runtime=${encodeURIComponent(runtimeUrl.trim())}`} data-testid="open-talk">
          Talk to it
        </a>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="deploy-error">
          {error}
        </p>
      )}
      {testsFailed && (
        <button type="button" className="btn small danger" disabled={busy} onClick={() => void deploy(true)} data-testid="deploy-anyway">
          Deploy anyway
        </button>
      )}
      {result && !error && (
        <p className="hint" data-testid="deploy-result">
          v{result.version.number} {result.reused ? "(existing version)" : "(just published)"} is live on {result.deployment.runtimeUrl}; new calls use it.
        </p>
      )}
      <p className="hint">Runs the test cases, publishes the draft if it (or a subflow it calls) changed, then sends it with its subflows embedded to the runtime&apos;s /admin/flow. Live calls keep their version.</p>
    </div>
  );
}

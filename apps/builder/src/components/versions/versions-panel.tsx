"use client";
import { useCallback, useEffect, useState } from "react";
import { api } from "@/client/api-client";
import type { FlowDto, VersionSummaryDto } from "@/shared/api-schemas";
import type { FlowDoc } from "@/canvas/flow-types";
import { PromptDialog } from "../ui/confirm-dialog";
import type { SubflowDiffOutcome } from "./diff-summary";
import { VersionTests } from "./version-tests";

export interface VersionsPanelProps {
  flowId: string;
  draft: FlowDoc;
  /** Saves pending edits first, so a publish takes what the author sees. */
  flushDraft: () => Promise<void>;
  /** Shows `before` → `after` on the canvas, with how the subflows they call differ. */
  onShowDiff: (before: FlowDoc, after: FlowDoc, title: string, subflows: SubflowDiffOutcome) => void;
  onRolledBack: (flow: FlowDto) => void;
  onToast: (message: string) => void;
}

/** Publish immutable versions, compare two on the canvas, roll the draft back to one. */
export function VersionsPanel({ flowId, draft, flushDraft, onShowDiff, onRolledBack, onToast }: VersionsPanelProps) {
  const [versions, setVersions] = useState<VersionSummaryDto[]>([]);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("draft");
  const [confirmRollback, setConfirmRollback] = useState<VersionSummaryDto | null>(null);

  const load = useCallback(() => api.listVersions(flowId).then(setVersions, (e: unknown) => onToast(String(e))), [flowId, onToast]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!from && versions[0]) setFrom(versions[0].id);
  }, [versions, from]);

  const docOf = async (ref: string): Promise<FlowDoc> => (ref === "draft" ? draft : ((await api.getVersion(flowId, ref)).document as unknown as FlowDoc));
  const nameOf = (ref: string) => (ref === "draft" ? "draft" : `v${versions.find((v) => v.id === ref)?.number ?? "?"}`);
  /** The subflows part comes from the server (the draft's children as publishing would embed them now): it needs the draft saved. */
  const subflowsOf = async (a: string, b: string): Promise<SubflowDiffOutcome> => {
    try {
      if (a === "draft" || b === "draft") await flushDraft();
      const { subflows } = await api.diff(flowId, a, b);
      return { state: "compared", subflows, labels: { from: nameOf(a), to: nameOf(b) } };
    } catch (e) {
      return { state: "failed", message: e instanceof Error ? e.message : String(e) };
    }
  };
  const showDiff = (a: string, b: string) =>
    void Promise.all([docOf(a), docOf(b), subflowsOf(a, b)]).then(
      ([before, after, subflows]) => onShowDiff(before, after, `${nameOf(a)} → ${nameOf(b)}`, subflows),
      (e: unknown) => onToast(e instanceof Error ? e.message : String(e)),
    );

  const publish = async () => {
    setBusy(true);
    try {
      await flushDraft();
      const v = await api.publish(flowId, note);
      setNote("");
      onToast(`Published v${v.number}`);
      await load();
    } catch (e) {
      onToast(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="versions-panel">
      <div className="section" style={{ borderBottom: "1px solid var(--border)" }}>
        <div className="field">
          <label className="field-label" htmlFor="version-note">
            Release note
          </label>
          <input id="version-note" type="text" className="input" value={note} placeholder="What changed?" onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="button" className="btn primary" disabled={busy} onClick={() => void publish()} data-testid="publish">
          {busy ? "Publishing…" : "Publish version"}
        </button>
        <p className="hint">A published version is immutable and identified by the hash of its content, the subflows it calls included (embedded as they are when you publish).</p>
      </div>
      {versions.length > 0 && (
        <div className="section" style={{ borderBottom: "1px solid var(--border)", display: "flex", gap: 6, alignItems: "center", flexWrap: "wrap" }}>
          <span className="field-label">Compare</span>
          <select className="input" style={{ width: "auto" }} value={from} onChange={(e) => setFrom(e.target.value)} aria-label="Diff from">
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                v{v.number}
              </option>
            ))}
          </select>
          →
          <select className="input" style={{ width: "auto" }} value={to} onChange={(e) => setTo(e.target.value)} aria-label="Diff to">
            <option value="draft">draft</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                v{v.number}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn small"
            data-testid="show-diff"
            disabled={!from}
            onClick={() => showDiff(from, to)}
          >
            Show on canvas
          </button>
        </div>
      )}
      {versions.length === 0 && <div className="empty">No versions yet. Publish to freeze the current draft.</div>}
      <ul className="row-list">
        {versions.map((v) => (
          <li key={v.id} data-testid="version-row">
            <div className="row-head">
              <span className="badge ok">v{v.number}</span>
              <span className="grow">{v.note || <span className="hint">no note</span>}</span>
              <span className="hint">{new Date(v.createdAt).toLocaleString()}</span>
            </div>
            <div className="row-head">
              <span className="hash grow" title={v.contentHash}>
                sha256 {v.contentHash.slice(0, 16)}…
              </span>
              <button type="button" className="btn small" onClick={() => showDiff(v.id, "draft")} data-testid="diff-vs-draft">
                Diff vs draft
              </button>
              <button type="button" className="btn small" onClick={() => setConfirmRollback(v)}>
                Roll back
              </button>
            </div>
            <VersionTests flowId={flowId} version={v} onTested={load} onToast={onToast} />
            {v.calls.length > 0 && (
              <div className="hint" data-testid="version-calls" title="The subflows this version runs. Embedded: pinned as they were when it was published.">
                calls: {v.calls.map((c) => `${c.name} (${c.pinned ? "embedded" : "current draft, not pinned"})`).join(", ")}
              </div>
            )}
          </li>
        ))}
      </ul>
      <PromptDialog
        open={confirmRollback !== null}
        title={`Roll back to v${confirmRollback?.number ?? ""}?`}
        message={
          confirmRollback?.calls.some((c) => c.pinned)
            ? "The draft becomes a copy of this version, this flow only: the subflows it calls keep their current drafts (edit them on their own pages). The version keeps its embedded copies: deploy it to run exactly those. Publish the current draft first if you want to keep it as a version."
            : "The draft becomes a copy of this version. The current draft stays recoverable: publish it first if you want to keep it as a version."
        }
        confirmLabel="Roll back"
        danger
        onCancel={() => setConfirmRollback(null)}
        onConfirm={() => {
          const v = confirmRollback;
          setConfirmRollback(null);
          if (!v) return;
          void flushDraft()
            .then(() => api.rollback(flowId, v.id))
            .then((flow) => {
              onRolledBack(flow);
              onToast(`Draft rolled back to v${v.number}`);
            }, (e: unknown) => onToast(e instanceof Error ? e.message : String(e)));
        }}
      />
    </div>
  );
}

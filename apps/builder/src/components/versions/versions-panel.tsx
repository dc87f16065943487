"use client";
import { useCallback, useEffect, useState } from "react";
import { api } from "@/client/api-client";
import type { FlowDto, VersionSummaryDto } from "@/shared/api-schemas";
import type { FlowDoc } from "@/canvas/flow-types";
import { PromptDialog } from "../ui/confirm-dialog";

export interface VersionsPanelProps {
  flowId: string;
  draft: FlowDoc;
  /** Saves pending edits first, so a publish takes what the author sees. */
  flushDraft: () => Promise<void>;
  onShowDiff: (before: FlowDoc, after: FlowDoc, title: string) => void;
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
            onClick={() => void Promise.all([docOf(from), docOf(to)]).then(([a, b]) => onShowDiff(a, b, `${nameOf(from)} → ${nameOf(to)}`), (e: unknown) => onToast(String(e)))}
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
              <button type="button" className="btn small" onClick={() => void docOf(v.id).then((a) => onShowDiff(a, draft, `v${v.number} → draft`))}>
                Diff vs draft
              </button>
              <button type="button" className="btn small" onClick={() => setConfirmRollback(v)}>
                Roll back
              </button>
            </div>
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

"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { api, ApiRequestError } from "@/client/api-client";
import { FilePickerButton } from "@/components/ui/file-picker-button";
import type { FlowDto, FlowSummaryDto } from "@/shared/api-schemas";
import { PromptDialog } from "../ui/confirm-dialog";
import { Icon } from "../ui/icon";

type Dialog = { type: "create" } | { type: "rename"; flow: FlowSummaryDto } | { type: "delete"; flow: FlowSummaryDto } | null;

export interface FlowListProps {
  flows: FlowSummaryDto[];
  currentId: string;
  onFlowsChanged: () => void;
  /** The open flow was renamed on the server: its draft revision moved. */
  onCurrentReplaced: (flow: FlowDto) => void;
  onToast: (message: string) => void;
}

function problem(error: unknown): string {
  if (error instanceof ApiRequestError) {
    const diagnostics = error.details.diagnostics;
    if (Array.isArray(diagnostics) && diagnostics.length > 0) {
      const first = diagnostics[0] as { message?: unknown; path?: unknown };
      return `${error.message} ${String(first.path ?? "")} ${String(first.message ?? "")}`.trim();
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Flows: open, create, import, rename, duplicate, export, delete (with confirmation). */
export function FlowList({ flows, currentId, onFlowsChanged, onCurrentReplaced, onToast }: FlowListProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog>(null);

  const act = (work: Promise<unknown>) => void work.catch((e: unknown) => onToast(problem(e)));

  return (
    <aside className="sidebar" aria-label="Flows">
      <h2>Flows</h2>
      <ul className="flow-list" data-testid="flow-list">
        {flows.map((f) => (
          <li key={f.id} className={f.id === currentId ? "active" : ""}>
            {/* No prefetch: a flow page is rendered per request (nothing to prefetch up to its
                content), and prefetching every listed flow kept the page and the server busy
                right after the canvas painted. */}
            <Link href={`/flows/${f.id}`} prefetch={false}>
              <span className="name">{f.name}</span>
              <span className="meta">
                {f.slug} · rev {f.draftRevision}
              </span>
            </Link>
            <span className="row-actions">
              <button type="button" className="btn small ghost icon" title="Rename" aria-label={`Rename ${f.name}`} onClick={() => setDialog({ type: "rename", flow: f })}>
                <Icon name="rename" />
              </button>
              <button
                type="button"
                className="btn small ghost icon"
                title="Duplicate"
                aria-label={`Duplicate ${f.name}`}
                onClick={() =>
                  act(
                    api.duplicateFlow(f.id).then((copy) => {
                      onFlowsChanged();
                      router.push(`/flows/${copy.id}`);
                    }),
                  )
                }
              >
                <Icon name="duplicate" />
              </button>
              <a className="btn small ghost icon" title="Export JSON" aria-label={`Export ${f.name}`} href={api.exportUrl(f.id)} download>
                <Icon name="export" />
              </a>
              <button type="button" className="btn small ghost icon" title="Delete" aria-label={`Delete ${f.name}`} onClick={() => setDialog({ type: "delete", flow: f })}>
                <Icon name="delete" />
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div className="sidebar-actions">
        <button type="button" className="btn primary" onClick={() => setDialog({ type: "create" })} data-testid="new-flow">
          + New flow
        </button>
        <FilePickerButton
          label="Import…"
          accept=".json,application/json"
          testId="import-flow"
          onFile={(file) =>
            act(
              file.text().then(async (text) => {
                let document: unknown;
                try {
                  document = JSON.parse(text);
                } catch {
                  throw new Error(`${file.name} is not JSON.`);
                }
                const flow = await api.importFlow(document);
                onFlowsChanged();
                router.push(`/flows/${flow.id}`);
              }),
            )
          }
        />
      </div>
      <PromptDialog
        open={dialog?.type === "create"}
        title="New flow"
        confirmLabel="Create"
        initialValue="New flow"
        onCancel={() => setDialog(null)}
        onConfirm={(name) => {
          setDialog(null);
          act(
            api.createFlow(name).then((flow) => {
              onFlowsChanged();
              router.push(`/flows/${flow.id}`);
            }),
          );
        }}
      />
      <PromptDialog
        open={dialog?.type === "rename"}
        title="Rename flow"
        confirmLabel="Rename"
        initialValue={dialog?.type === "rename" ? dialog.flow.name : ""}
        onCancel={() => setDialog(null)}
        onConfirm={(name) => {
          const target = dialog?.type === "rename" ? dialog.flow : null;
          setDialog(null);
          if (!target) return;
          act(
            api.renameFlow(target.id, name).then((flow) => {
              if (flow.id === currentId) onCurrentReplaced(flow);
              onFlowsChanged();
            }),
          );
        }}
      />
      <PromptDialog
        open={dialog?.type === "delete"}
        title={`Delete “${dialog?.type === "delete" ? dialog.flow.name : ""}”?`}
        message="The flow leaves the list. Its published versions and test runs are kept."
        confirmLabel="Delete flow"
        danger
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          const target = dialog?.type === "delete" ? dialog.flow : null;
          setDialog(null);
          if (!target) return;
          act(
            api.deleteFlow(target.id).then(() => {
              onFlowsChanged();
              if (target.id === currentId) router.push("/");
            }),
          );
        }}
      />
    </aside>
  );
}

"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiRequestError } from "@/client/api-client";
import type { FlowDoc } from "@/canvas/flow-types";
import { createDebouncedWriter, type DebouncedWriter } from "./debounced-writer";
import { BACKUP_TIMING, clearBackup, writeBackup, type DraftBackup } from "./draft-backup";
import { onPageHidden } from "./on-page-hidden";

export type SaveStatus =
  | { state: "saved" }
  | { state: "dirty" }
  | { state: "saving" }
  | { state: "failed"; message: string }
  | { state: "conflict"; message: string; currentRevision: number | null };

export const AUTOSAVE_DELAY_MS = 700;

/**
 * Saves the draft a moment after the last edit, one request at a time, with the revision it
 * started from. A conflict stops autosave (the server's draft is untouched) until the author
 * chooses to overwrite it or load it.
 */
export function useAutosave(flowId: string, doc: FlowDoc, initialRevision: number) {
  const [status, setStatus] = useState<SaveStatus>({ state: "saved" });
  const revision = useRef(initialRevision);
  const savedDoc = useRef<FlowDoc>(doc);
  const inFlight = useRef(false);
  const latest = useRef(doc);
  const blocked = useRef(false);
  latest.current = doc;
  const backup = useRef<DebouncedWriter<DraftBackup> | null>(null);

  // Declared before the effect that schedules writes, so the writer exists when it runs.
  useEffect(() => {
    const writer = createDebouncedWriter<DraftBackup>((value) => writeBackup(flowId, value), BACKUP_TIMING);
    backup.current = writer;
    const unsubscribe = onPageHidden(window, document, writer.flush);
    return () => {
      unsubscribe();
      writer.flush(); // leaving the flow: edits the server lacks stay in the browser
      backup.current = null;
    };
  }, [flowId]);

  /** The server has the latest edit: drop the local copy, and any write of it still pending. */
  const discardBackup = useCallback(() => {
    backup.current?.cancel();
    clearBackup(flowId);
  }, [flowId]);

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current || blocked.current) return;
    const target = latest.current;
    if (target === savedDoc.current) {
      setStatus({ state: "saved" });
      return;
    }
    inFlight.current = true;
    setStatus({ state: "saving" });
    try {
      const saved = await api.saveDraft(flowId, revision.current, target);
      revision.current = saved.draftRevision;
      savedDoc.current = target;
      inFlight.current = false;
      if (latest.current !== target) {
        setStatus({ state: "dirty" });
        await save();
      } else {
        discardBackup();
        setStatus({ state: "saved" });
      }
    } catch (error) {
      inFlight.current = false;
      if (error instanceof ApiRequestError && error.status === 409) {
        blocked.current = true;
        const current = typeof error.details.currentRevision === "number" ? error.details.currentRevision : null;
        setStatus({ state: "conflict", message: error.message, currentRevision: current });
      } else {
        setStatus({ state: "failed", message: error instanceof Error ? error.message : String(error) });
      }
    }
  }, [flowId, discardBackup]);

  useEffect(() => {
    if (doc === savedDoc.current) return;
    backup.current?.schedule({ doc, revision: revision.current });
    if (blocked.current) return;
    setStatus((s) => (s.state === "saving" ? s : { state: "dirty" }));
    const timer = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [doc, save]);

  /** Keep my draft: save it over the server's newer revision. */
  const overwrite = useCallback(async () => {
    if (status.state !== "conflict") return;
    const fresh = await api.getFlow(flowId);
    revision.current = fresh.draftRevision;
    blocked.current = false;
    await save();
  }, [flowId, save, status.state]);

  /** After loading the server's draft into the editor: adopt it as saved. */
  const adopt = useCallback(
    (next: FlowDoc, nextRevision: number) => {
      revision.current = nextRevision;
      savedDoc.current = next;
      blocked.current = false;
      discardBackup();
      setStatus({ state: "saved" });
    },
    [discardBackup],
  );

  // Listening only while something is unsaved: a page with a beforeunload listener makes the
  // browser ask it before every navigation away, which waits for whatever the page is doing.
  const unsaved = status.state !== "saved";
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current !== savedDoc.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  /** Saves now and resolves once the server has the latest edit (publish, rollback). */
  const flush = useCallback(async () => {
    for (let i = 0; i < 200 && latest.current !== savedDoc.current; i++) {
      if (blocked.current) throw new Error("The draft has a save conflict: resolve it first.");
      if (!inFlight.current) await save();
      else await new Promise((resolve) => window.setTimeout(resolve, 50));
    }
    if (latest.current !== savedDoc.current) throw new Error("The draft could not be saved.");
  }, [save]);

  return { status, retry: save, overwrite, adopt, flush, revision };
}

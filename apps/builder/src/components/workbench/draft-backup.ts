import type { FlowDoc } from "@/canvas/flow-types";
import type { DebounceTiming } from "./debounced-writer";

/** The unsaved copy of a draft kept in the browser until the server has it: a draft is never lost. */
export interface DraftBackup {
  doc: FlowDoc;
  /** The server revision the edits started from. */
  revision: number;
}

/**
 * When the local copy is written: writing a 300-node flow to localStorage takes ~7 ms, too much
 * for every keystroke. Between writes the copy can lag by this much, except on pagehide, hidden
 * tab and unmount, which write at once; maxWait bounds the lag during a long burst of typing,
 * for a crash that fires no event.
 */
export const BACKUP_TIMING: DebounceTiming = { delayMs: 500, maxWaitMs: 2_000 };

const backupKey = (flowId: string) => `voxchart:unsaved:${flowId}`;

export function readBackup(flowId: string): DraftBackup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(flowId));
    return raw ? (JSON.parse(raw) as DraftBackup) : null;
  } catch {
    return null;
  }
}

/** Serialises the whole flow (milliseconds on a large one): autosave calls it debounced, per BACKUP_TIMING. */
export function writeBackup(flowId: string, backup: DraftBackup): void {
  try {
    window.localStorage.setItem(backupKey(flowId), JSON.stringify(backup));
  } catch {
    /* storage full or unavailable: the server save still runs */
  }
}

export function clearBackup(flowId: string): void {
  try {
    window.localStorage.removeItem(backupKey(flowId));
  } catch {
    /* storage unavailable: nothing to clear */
  }
}

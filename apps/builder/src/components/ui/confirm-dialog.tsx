"use client";
import { useEffect, useRef, useState } from "react";

/** A modal asking for confirmation (delete) or a value (rename, test name). */
export function PromptDialog({
  open,
  title,
  message,
  confirmLabel,
  danger,
  initialValue,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  message?: string;
  confirmLabel: string;
  danger?: boolean;
  /** When given, the dialog asks for a text value. */
  initialValue?: string;
  onConfirm: (value: string) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState(initialValue ?? "");
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setValue(initialValue ?? "");
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, initialValue]);
  return (
    <dialog ref={ref} className="modal" onCancel={onCancel} onClose={() => open && onCancel()}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (initialValue !== undefined && value.trim() === "") return;
          onConfirm(value.trim());
        }}
      >
        <h3>{title}</h3>
        {message && <p className="hint">{message}</p>}
        {initialValue !== undefined && (
          <div className="field">
            <input type="text" autoFocus value={value} onChange={(e) => setValue(e.target.value)} aria-label={title} />
          </div>
        )}
        <div className="actions">
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className={`btn ${danger ? "danger" : "primary"}`} data-testid="dialog-confirm">
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

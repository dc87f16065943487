"use client";
import { useRef } from "react";

export interface FilePickerButtonProps {
  label: string;
  /** The file input's `accept`: extensions and MIME types. */
  accept: string;
  onFile: (file: File) => void;
  className?: string;
  title?: string;
  /** On the button; the hidden input gets `<testId>-file` (tests set files on it). */
  testId?: string;
}

/** A button that opens the file chooser and hands over the chosen file (choosing the same file again works). */
export function FilePickerButton({ label, accept, onFile, className = "btn", title, testId }: FilePickerButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} title={title} onClick={() => input.current?.click()} data-testid={testId}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId ? `${testId}-file` : undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onFile(file);
        }}
      />
    </>
  );
}

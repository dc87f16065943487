"use client";
import { useState } from "react";
import type { Diagnostic } from "@voxchart/flow";

/** The live check results; clicking one selects and centres its node. */
export function ProblemsPanel({ diagnostics, pending, onPick }: { diagnostics: Diagnostic[]; pending: boolean; onPick: (d: Diagnostic) => void }) {
  const [open, setOpen] = useState(true);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <header>
        <button type="button" className="btn small ghost" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? "▾" : "▸"} Problems
        </button>
        <span className={`badge ${errors ? "error" : "ok"}`} data-testid="problem-errors">
          {errors} {errors === 1 ? "error" : "errors"}
        </span>
        <span className={`badge ${warnings ? "warning" : ""}`}>
          {warnings} {warnings === 1 ? "warning" : "warnings"}
        </span>
        {pending && <span className="hint">checking…</span>}
      </header>
      {open && (
        <ul>
          {diagnostics.length === 0 && <li className="hint">No problems: every check passes.</li>}
          {diagnostics.map((d, i) => (
            <li key={`${d.code}-${d.path}-${i}`} onClick={() => onPick(d)} data-code={d.code} data-node={d.nodeId ?? ""}>
              <span className={`sev ${d.severity}`} />
              <span className="where">{d.nodeId ? d.nodeId : d.edgeId ? `edge ${d.edgeId}` : d.path || "/"}</span>
              <span>{d.message}</span>
              <span className="where" style={{ marginLeft: "auto" }}>
                {d.code}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

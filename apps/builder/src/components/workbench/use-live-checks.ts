"use client";
import { useEffect, useRef, useState } from "react";
import type { Diagnostic, Flow } from "@voxchart/flow";
import type { FlowDoc } from "@/canvas/flow-types";
import { runChecks, type CheckReport } from "@/checks/run-checks";

export const CHECK_DELAY_MS = 200;

/** Longest wait for the subflows before the first check in the browser (a request may hang). */
const SUBFLOW_WAIT_MS = 5000;

/**
 * Static checks in the browser, a moment after each edit. The opened document's findings can
 * come with the page (`initialDiagnostics`, checked by the server with its subflows): they stand
 * until the document changes, or until the validated flow the checks also yield is wanted
 * (`flowWanted`: the simulator, tests and code views), so opening a large flow runs no checks in
 * the browser. The first check waits for the subflows to load (`subflowsSettled`), as the
 * server resolved them.
 */
export function useLiveChecks(
  doc: FlowDoc,
  resolveSubflow: (ref: string) => Flow | undefined,
  initialDiagnostics?: Diagnostic[],
  { subflowsSettled = true, flowWanted = false }: { subflowsSettled?: boolean; flowWanted?: boolean } = {},
): CheckReport & { pending: boolean } {
  const [report, setReport] = useState<CheckReport>(() => (initialDiagnostics ? { diagnostics: initialDiagnostics, flow: null } : runChecks(doc, resolveSubflow)));
  const [checkedDoc, setCheckedDoc] = useState(doc);
  // What the browser last checked (null: nothing yet, the findings are the server's).
  const checked = useRef<{ doc: FlowDoc; resolve: typeof resolveSubflow } | null>(initialDiagnostics ? null : { doc, resolve: resolveSubflow });
  // The document the server's findings are about.
  const [serverChecked] = useState(initialDiagnostics ? doc : null);
  useEffect(() => {
    const last = checked.current;
    if (last && last.doc === doc && last.resolve === resolveSubflow) return;
    const check = () => {
      checked.current = { doc, resolve: resolveSubflow };
      setReport(runChecks(doc, resolveSubflow));
      setCheckedDoc(doc);
    };
    if (!last && flowWanted) return check();
    if (!last && doc === serverChecked) return;
    const timer = window.setTimeout(check, last || subflowsSettled ? CHECK_DELAY_MS : SUBFLOW_WAIT_MS);
    return () => window.clearTimeout(timer);
  }, [doc, resolveSubflow, subflowsSettled, flowWanted, serverChecked]);
  return { ...report, pending: checkedDoc !== doc };
}

"use client";
import { useEffect, useState } from "react";
import type { Flow } from "@voxchart/flow";
import type { FlowDoc } from "@/canvas/flow-types";
import { runChecks, type CheckReport } from "@/checks/run-checks";

export const CHECK_DELAY_MS = 200;

/** Static checks in the browser, a moment after each edit. */
export function useLiveChecks(doc: FlowDoc, resolveSubflow: (ref: string) => Flow | undefined): CheckReport & { pending: boolean } {
  const [report, setReport] = useState<CheckReport>(() => runChecks(doc, resolveSubflow));
  const [checkedDoc, setCheckedDoc] = useState(doc);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setReport(runChecks(doc, resolveSubflow));
      setCheckedDoc(doc);
    }, CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [doc, resolveSubflow]);
  return { ...report, pending: checkedDoc !== doc };
}

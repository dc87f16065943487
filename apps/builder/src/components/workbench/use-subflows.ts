"use client";
import { useEffect, useMemo, useState } from "react";
import type { Flow } from "@voxchart/flow";
import { api } from "@/client/api-client";
import type { FlowDoc } from "@/canvas/flow-types";
import { createResolver, subflowRefs, toSubflow } from "@/checks/subflow-resolver";

/**
 * Loads the flows a document's subflow nodes call (and theirs), so the checks and the
 * simulator see the whole conversation. Unknown references stay unresolved.
 */
export function useSubflows(doc: FlowDoc): { resolve: (ref: string) => Flow | undefined; loaded: number; settled: boolean } {
  const [table, setTable] = useState<ReadonlyMap<string, Flow>>(new Map());
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const refs = subflowRefs(doc).join("\n");
  const transitive = useMemo(() => [...table.values()].flatMap((f) => subflowRefs(f)).join("\n"), [table]);

  // References neither loaded nor known to be missing yet.
  const wanted = useMemo(() => [...new Set([...refs.split("\n"), ...transitive.split("\n")])].filter((r) => r && !table.has(r) && !missing.has(r)), [refs, transitive, table, missing]);

  useEffect(() => {
    if (wanted.length === 0) return;
    let cancelled = false;
    void Promise.all(wanted.map((ref) => api.getFlow(ref).then((f) => [ref, toSubflow(f.document)] as const, () => [ref, null] as const))).then((found) => {
      if (cancelled) return;
      setTable((t) => new Map([...t, ...found.flatMap(([ref, flow]) => (flow ? [[ref, flow] as const] : []))]));
      setMissing((m) => new Set([...m, ...found.flatMap(([ref, flow]) => (flow ? [] : [ref]))]));
    });
    return () => {
      cancelled = true;
    };
  }, [wanted]);

  // Settled: every reference is loaded or known to be missing (what the checks should wait for).
  const settled = wanted.length === 0;
  const resolve = useMemo(() => createResolver(table), [table]);
  return useMemo(() => ({ resolve, loaded: table.size, settled }), [resolve, table.size, settled]);
}

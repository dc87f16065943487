"use client";
import { useMemo, useState } from "react";
import { compileFlow, type Flow } from "@voxchart/flow";
import type { FlowDoc } from "@/canvas/flow-types";

/** The flow JSON and the XState machine config it compiles to. */
export function CodePanel({ doc, flow, resolveSubflow }: { doc: FlowDoc; flow: Flow | null; resolveSubflow: (ref: string) => Flow | undefined }) {
  const [view, setView] = useState<"json" | "machine">("json");
  const text = useMemo(() => {
    if (view === "json") return JSON.stringify(doc, null, 2);
    if (!flow) return "// The flow does not pass its schema yet: fix the errors in Problems to see the machine.";
    const result = compileFlow(flow, { resolveSubflow });
    return result.ok ? JSON.stringify(result.compiled.config, null, 2) : `// The flow does not compile:\n${result.diagnostics.map((d) => `// ${d.path} ${d.message}`).join("\n")}`;
  }, [view, doc, flow, resolveSubflow]);
  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%" }}>
      <div className="sim-controls">
        <button type="button" className={`btn small ${view === "json" ? "primary" : ""}`} onClick={() => setView("json")}>
          Flow JSON
        </button>
        <button type="button" className={`btn small ${view === "machine" ? "primary" : ""}`} onClick={() => setView("machine")}>
          XState machine
        </button>
        <span style={{ flex: 1 }} />
        <button type="button" className="btn small" onClick={() => void navigator.clipboard?.writeText(text)}>
          Copy
        </button>
      </div>
      <pre className="code" data-testid="code-view" style={{ flex: 1 }}>
        {text}
      </pre>
    </div>
  );
}

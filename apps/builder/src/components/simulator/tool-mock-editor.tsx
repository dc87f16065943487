"use client";
import { useEffect, useState } from "react";
import { ToolMocksSchema, type ToolMock, type ToolMocks } from "@/simulator/tool-mocks";

const storageKey = (flowId: string) => `voxchart:tool-mocks:${flowId}`;

/** The tool answers the simulator uses, kept per flow in this browser. */
export function useToolMocks(flowId: string, names: readonly string[]): [ToolMocks, (name: string, mock: ToolMock) => void] {
  const [mocks, setMocks] = useState<ToolMocks>({});
  useEffect(() => {
    try {
      const parsed = ToolMocksSchema.safeParse(JSON.parse(window.localStorage.getItem(storageKey(flowId)) ?? "{}"));
      if (parsed.success) setMocks(parsed.data);
    } catch {
      /* nothing stored */
    }
  }, [flowId]);
  const all: ToolMocks = Object.fromEntries(names.map((n) => [n, mocks[n] ?? { result: null, latencyMs: 300, fail: false }]));
  const set = (name: string, mock: ToolMock) => {
    const next = { ...mocks, [name]: mock };
    setMocks(next);
    try {
      window.localStorage.setItem(storageKey(flowId), JSON.stringify(next));
    } catch {
      /* storage unavailable: kept for this page only */
    }
  };
  return [all, set];
}

function ResultInput({ value, onChange }: { value: unknown; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(JSON.stringify(value));
  const [bad, setBad] = useState(false);
  return (
    <input
      className="input mono"
      aria-invalid={bad}
      value={text}
      title="The result as JSON"
      onChange={(e) => {
        setText(e.target.value);
        try {
          onChange(JSON.parse(e.target.value));
          setBad(false);
        } catch {
          setBad(true);
        }
      }}
    />
  );
}

export function ToolMockEditor({ mocks, onChange }: { mocks: ToolMocks; onChange: (name: string, mock: ToolMock) => void }) {
  const names = Object.keys(mocks);
  if (names.length === 0) return null;
  return (
    <details className="advanced" style={{ padding: "0 12px", borderBottom: "1px solid var(--border)" }}>
      <summary>Tool answers ({names.length})</summary>
      {names.map((name) => {
        const m = mocks[name];
        if (!m) return null;
        return (
          <div key={name} className="field">
            <span className="field-label">
              <code>{name}()</code>
              <span style={{ display: "flex", gap: 8, alignItems: "center" }}>
                <label>
                  <input type="number" className="input" style={{ width: 80 }} value={m.latencyMs} min={0} onChange={(e) => onChange(name, { ...m, latencyMs: Math.max(0, Number(e.target.value) || 0) })} /> ms
                </label>
                <label>
                  <input type="checkbox" checked={m.fail} onChange={(e) => onChange(name, { ...m, fail: e.target.checked })} /> fails
                </label>
              </span>
            </span>
            <ResultInput value={m.result} onChange={(v) => onChange(name, { ...m, result: v as ToolMock["result"] })} />
          </div>
        );
      })}
    </details>
  );
}

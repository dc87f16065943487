"use client";
import { useMemo, type Dispatch } from "react";
import { FlowSchema } from "@voxchart/flow";
import type { EditorAction } from "@/canvas/editor-state";
import type { FlowDoc } from "@/canvas/flow-types";
import { fieldSpec, issuesByPath, type FieldSpec } from "@/inspector/schema-walk";
import { SchemaField, type FieldContext } from "./schema-field";

const flowSpec = fieldSpec(FlowSchema) as FieldSpec & { kind: "object" };
const specOf = (key: string): FieldSpec => flowSpec.fields.find(([k]) => k === key)?.[1] ?? { kind: "json", optional: true };

const SECTIONS: { key: keyof FlowDoc & string; title: string; hint: string }[] = [
  { key: "variables", title: "Variables", hint: "Typed values the flow keeps; slots and tool results fill them." },
  { key: "globals", title: "Global handlers", hint: "Intents heard from any node: operator, repeat, start over, goodbye." },
  { key: "settings", title: "Flow settings", hint: "Language, persona, latency budget, fillers, timeouts." },
  { key: "tools", title: "Tools", hint: "Functions tool nodes may call, with their parameters." },
];

/** The flow's own fields: name, start, variables, global handlers, settings, tools. */
export function FlowPanel({ doc, dispatch }: { doc: FlowDoc; dispatch: Dispatch<EditorAction> }) {
  const errors = useMemo(() => issuesByPath(FlowSchema, doc), [doc]);
  const ctx: FieldContext = useMemo(() => ({ errors, nodeIds: doc.nodes.map((n) => n.id) }), [errors, doc.nodes]);
  const set = (key: string, value: unknown) =>
    dispatch({ type: "apply", change: { type: "doc.update", patch: { [key]: value } as Partial<FlowDoc> }, coalesce: `flow:${key}` });
  const value = doc as unknown as Record<string, unknown>;
  return (
    <div className="section" data-testid="flow-panel">
      {(["name", "description", "start"] as const).map((k) => (
        <SchemaField key={k} name={k} spec={specOf(k)} value={value[k]} path={[k]} ctx={ctx} onChange={(v) => set(k, v)} />
      ))}
      {SECTIONS.map((s) => (
        <details key={s.key} className="advanced" open={s.key === "variables" || s.key === "globals"}>
          <summary>{s.title}</summary>
          <p className="hint" style={{ marginTop: -6 }}>
            {s.hint}
          </p>
          <SchemaField name={s.key} label={s.title} spec={specOf(s.key)} value={value[s.key]} path={[s.key]} ctx={ctx} onChange={(v) => set(s.key, v)} />
        </details>
      ))}
    </div>
  );
}

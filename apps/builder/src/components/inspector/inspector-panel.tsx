"use client";
import { useEffect, useMemo, useState, type Dispatch } from "react";
import { EdgeSchema, IdSchema, NodeSchema, type Diagnostic } from "@voxchart/flow";
import type { z } from "zod";
import type { EditorAction } from "@/canvas/editor-state";
import type { DocEdge, DocNode, FlowDoc } from "@/canvas/flow-types";
import { PALETTE } from "@/canvas/new-node";
import { fieldSpec, issuesByPath, type FieldSpec } from "@/inspector/schema-walk";
import { locateEdge, locateNode } from "@/canvas/problems-by-node";
import { ObjectFields, type FieldContext } from "./schema-field";

/** Fields every node has that tune timing and behaviour: shown under "Advanced". */
const ADVANCED = ["onInterrupt", "description", "fillers", "latencyBudgetMs", "budgets", "noInputTimeoutMs", "bargeIn", "backchannels", "noMatchPrompts", "noInputPrompts", "maxAttempts", "model", "temperature", "localReply", "maxTurns", "role"];
const HIDDEN = ["kind", "position", "id"];

const kindSpecs = new Map(
  NodeSchema.options.map((option) => [option.shape.kind.value, { schema: option as z.ZodType, spec: fieldSpec(option as z.ZodType) as FieldSpec & { kind: "object" } }]),
);
const edgeSpec = fieldSpec(EdgeSchema) as FieldSpec & { kind: "object" };

function IdField({ value, taken, onCommit, label }: { value: string; taken: ReadonlySet<string>; onCommit: (id: string) => void; label: string }) {
  const [text, setText] = useState(value);
  useEffect(() => {
    setText(value);
  }, [value]);
  const parsed = IdSchema.safeParse(text);
  const error = !parsed.success ? (parsed.error.issues[0]?.message ?? "invalid id") : text !== value && taken.has(text) ? `${text} is already used` : null;
  const commit = () => {
    if (!error && text !== value) onCommit(text);
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor="f-id">
        {label}
      </label>
      <input id="f-id" type="text" className="expr" aria-invalid={!!error} value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === "Enter" && commit()} />
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}

function Findings({ diagnostics }: { diagnostics: Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <div className="group" style={{ borderColor: "#fecdca", background: "#fffbfa" }}>
      {diagnostics.map((d, i) => (
        <div key={i} className="field" style={{ marginBottom: 8 }}>
          <span className={`badge ${d.severity}`} style={{ alignSelf: "flex-start" }}>
            {d.code}
          </span>
          <span>{d.message}</span>
        </div>
      ))}
    </div>
  );
}

export function NodeInspector({ node, doc, dispatch, diagnostics }: { node: DocNode; doc: FlowDoc; dispatch: Dispatch<EditorAction>; diagnostics: Diagnostic[] }) {
  const entry = kindSpecs.get(node.kind);
  const errors = useMemo(() => (entry ? issuesByPath(entry.schema, node) : new Map<string, string>()), [entry, node]);
  const ctx: FieldContext = useMemo(() => ({ errors, nodeIds: doc.nodes.map((n) => n.id) }), [errors, doc.nodes]);
  if (!entry) return <div className="empty">Unknown node kind {String(node.kind)}</div>;
  const update = (value: unknown, field: string) => dispatch({ type: "apply", change: { type: "node.update", id: node.id, node: value as DocNode }, coalesce: `node:${node.id}:${field}` });
  const main = entry.spec.fields.map(([k]) => k).filter((k) => !ADVANCED.includes(k) && !HIDDEN.includes(k));
  const advanced = entry.spec.fields.map(([k]) => k).filter((k) => ADVANCED.includes(k));
  const title = PALETTE.find((p) => p.kind === node.kind)?.title ?? node.kind;
  const mine = diagnostics.filter((d) => locateNode(doc, d) === node.id && !d.edgeId);
  return (
    <div className="section" data-testid="node-inspector">
      <div style={{ display: "flex", alignItems: "center", gap: 8, marginBottom: 10 }}>
        <span className="badge" style={{ background: `var(--kind-${node.kind})`, color: "#fff" }}>
          {title}
        </span>
        <span className="hint">node</span>
        <span style={{ flex: 1 }} />
        {doc.start !== node.id && (
          <button type="button" className="btn small" onClick={() => dispatch({ type: "apply", change: { type: "doc.update", patch: { start: node.id } } })}>
            Make start
          </button>
        )}
        <button type="button" className="btn small danger" onClick={() => dispatch({ type: "apply", change: { type: "node.remove", ids: [node.id] } })}>
          Delete
        </button>
      </div>
      <Findings diagnostics={mine} />
      <IdField label="Id" value={node.id} taken={new Set(doc.nodes.map((n) => n.id))} onCommit={(id) => dispatch({ type: "apply", change: { type: "node.update", id: node.id, node: { ...node, id } } })} />
      <ObjectFields spec={entry.spec} value={node as unknown as Record<string, unknown>} path={[]} ctx={ctx} only={main} onChange={(v) => update(v, "main")} />
      <details className="advanced">
        <summary>Timing and behaviour</summary>
        <ObjectFields spec={entry.spec} value={node as unknown as Record<string, unknown>} path={[]} ctx={ctx} only={advanced} onChange={(v) => update(v, "advanced")} />
      </details>
    </div>
  );
}

export function EdgeInspector({ edge, doc, dispatch, diagnostics }: { edge: DocEdge; doc: FlowDoc; dispatch: Dispatch<EditorAction>; diagnostics: Diagnostic[] }) {
  const errors = useMemo(() => issuesByPath(EdgeSchema, edge), [edge]);
  const ctx: FieldContext = useMemo(() => ({ errors, nodeIds: doc.nodes.map((n) => n.id) }), [errors, doc.nodes]);
  const mine = diagnostics.filter((d) => locateEdge(doc, d) === edge.id);
  return (
    <div className="section" data-testid="edge-inspector">
      <div style={{ display: "flex", alignItems: "center", gap: 8, marginBottom: 10 }}>
        <span className="badge">Edge</span>
        <span className="mono hint">
          {edge.from} → {edge.to}
        </span>
        <span style={{ flex: 1 }} />
        <button type="button" className="btn small danger" onClick={() => dispatch({ type: "apply", change: { type: "edge.remove", ids: [edge.id] } })}>
          Delete
        </button>
      </div>
      <Findings diagnostics={mine} />
      <ObjectFields
        spec={edgeSpec}
        value={edge as unknown as Record<string, unknown>}
        path={[]}
        ctx={ctx}
        skip={["id"]}
        onChange={(v) => dispatch({ type: "apply", change: { type: "edge.update", id: edge.id, edge: v as DocEdge }, coalesce: `edge:${edge.id}` })}
      />
    </div>
  );
}

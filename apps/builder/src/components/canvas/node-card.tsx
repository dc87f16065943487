"use client";
import { memo } from "react";
import { Handle, Position, type NodeProps, type NodeTypes } from "@xyflow/react";
import type { CanvasNode } from "@/canvas/flow-to-graph";
import { PALETTE } from "@/canvas/new-node";
import { isTerminalKind } from "@/lib/flow-api";
import type { NodeKind } from "@/canvas/flow-types";

const TITLES = new Map(PALETTE.map((p) => [p.kind, p.title]));

function NodeCardView({ data }: NodeProps<CanvasNode>) {
  const { node, summary, isStart, problems, active, visited, diff } = data;
  const classes = ["vx-node", problems?.errors ? "has-error" : "", active ? "active" : "", visited ? "visited" : "", diff ? `diff-${diff}` : ""].filter(Boolean).join(" ");
  const style = { "--kind": `var(--kind-${node.kind})` } as React.CSSProperties;
  return (
    <div className={classes} style={style} data-node-id={node.id} data-kind={node.kind} title={problems?.first ?? undefined}>
      {!isStart && <Handle type="target" position={Position.Top} />}
      <div className="bar" />
      <header>
        <span className="kind">{TITLES.get(node.kind) ?? node.kind}</span>
        {isStart && <span className="start">START</span>}
        {problems && problems.errors > 0 && <span className="marker error" aria-label={`${problems.errors} errors`}>{problems.errors}</span>}
        {problems && problems.errors === 0 && problems.warnings > 0 && <span className="marker warning" aria-label={`${problems.warnings} warnings`}>{problems.warnings}</span>}
        <span className="id">{node.id}</span>
      </header>
      {node.label && <div className="title">{node.label}</div>}
      <div className="headline">{summary.headline}</div>
      {summary.details.length > 0 && (
        <div className="details">
          {summary.details.map((d, i) => (
            <span className="chip" key={i}>
              {d}
            </span>
          ))}
        </div>
      )}
      {!isTerminalKind(node.kind) && <Handle type="source" position={Position.Bottom} />}
    </div>
  );
}

/**
 * The card draws `data` only: React Flow's other props (position, measured size, dragging…) change
 * when a node is measured or moved, and need no new card. One card component, registered per
 * node kind (React Flow picks it by `type`).
 */
export const NodeCard = memo(NodeCardView, (prev, next) => prev.data === next.data && prev.id === next.id);

const KINDS: NodeKind[] = ["say", "collect", "conversation", "decide", "tool", "transfer", "subflow", "end"];
export const nodeTypes: NodeTypes = Object.fromEntries(KINDS.map((k) => [k, NodeCard]));

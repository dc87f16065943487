"use client";
import { memo } from "react";
import { BaseEdge, getBezierPath, type EdgeProps, type EdgeTypes } from "@xyflow/react";
import type { CanvasEdge } from "@/canvas/flow-to-graph";
import { useCanvasCallbacks } from "./canvas-callbacks";
import { EdgeLabel } from "./edge-label-layer";

const STROKE: Record<string, string> = {
  intent: "#6172f3",
  condition: "#dc6803",
  success: "#12b76a",
  failure: "#f04438",
  neutral: "#98a2b3",
};
const DIFF: Record<string, string> = { added: "#12b76a", removed: "#f04438", changed: "#f79009" };

function TriggerEdgeView(props: EdgeProps<CanvasEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const selfLoop = props.source === props.target;
  const [path, labelX, labelY] = selfLoop
    ? [`M ${sourceX} ${sourceY} C ${sourceX + 170} ${sourceY + 60}, ${targetX + 170} ${targetY - 60}, ${targetX} ${targetY}`, sourceX + 130, (sourceY + targetY) / 2]
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const { selectEdge } = useCanvasCallbacks();
  const tone = data?.tone ?? "neutral";
  const stroke = data?.diff ? DIFF[data.diff] : data?.taken ? "#12b76a" : selected ? "#2563eb" : STROKE[tone];
  const width = selected || data?.taken || data?.diff ? 2.5 : 1.5;
  const classes = ["vx-edge-label", `tone-${tone}`, selected ? "selected" : "", data?.diff ? `diff-${data.diff}` : ""].filter(Boolean).join(" ");
  return (
    <>
      <BaseEdge id={id} path={path} {...(markerEnd ? { markerEnd } : {})} style={{ stroke, strokeWidth: width, strokeDasharray: data?.diff === "removed" ? "6 4" : undefined }} />
      <EdgeLabel>
        <div className={`${classes} nodrag nopan`} data-edge-id={id} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} title={data?.label} onClick={() => selectEdge(id)}>
          {data?.label}
        </div>
      </EdgeLabel>
    </>
  );
}

export const TriggerEdge = memo(TriggerEdgeView);
export const edgeTypes: EdgeTypes = { trigger: TriggerEdge };

"use client";
import { PALETTE } from "@/canvas/new-node";
import type { NodeKind } from "@/canvas/flow-types";

export const PALETTE_MIME = "application/x-voxchart-kind";

/** Node kinds to add: click to place at the centre, or drag onto the canvas. */
export function Palette({ onAdd }: { onAdd: (kind: NodeKind) => void }) {
  return (
    <div className="palette" role="toolbar" aria-label="Add node">
      {PALETTE.map((item) => (
        <button
          key={item.kind}
          type="button"
          draggable
          data-testid={`add-${item.kind}`}
          title={`${item.hint} (click or drag)`}
          style={{ "--kind": `var(--kind-${item.kind})` } as React.CSSProperties}
          onClick={() => onAdd(item.kind)}
          onDragStart={(event) => {
            event.dataTransfer.setData(PALETTE_MIME, item.kind);
            event.dataTransfer.effectAllowed = "copy";
          }}
        >
          <span className="dot" />
          {item.title}
        </button>
      ))}
    </div>
  );
}

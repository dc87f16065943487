"use client";
import { useEffect, useRef } from "react";
import type { TranscriptLine } from "./transcript-state";

/** User lines (partial in italics until final), bot lines, and call events; follows the latest line. */
export function LiveTranscript({ lines }: { lines: readonly TranscriptLine[] }) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Braces: Chromium's scrollIntoView may return a promise, which an effect must not.
    void end.current?.scrollIntoView({ block: "end" });
  }, [lines]);
  if (lines.length === 0) return <div className="empty">Connect, then speak: the transcript appears here.</div>;
  return (
    <div className="chat" data-testid="talk-transcript">
      {lines.map((l) => (
        <div
          key={l.id}
          className={`msg ${l.role === "event" ? "event" : l.role}${l.role === "user" && !l.final ? " partial" : ""}`}
          data-testid={`talk-${l.role}`}
          data-final={l.final}
        >
          {l.text}
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}

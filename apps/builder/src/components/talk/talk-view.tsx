"use client";
import { useEffect, useState } from "react";
import type { FlowDoc } from "@/canvas/flow-types";
import { savedRuntimeUrl, saveRuntimeUrl } from "@/client/deploy-client";
import { LatencyWaterfall } from "./latency-waterfall";
import { LiveTranscript } from "./live-transcript";
import { TalkCanvas } from "./talk-canvas";
import { useVoiceSession, type SessionStatus } from "./use-voice-session";

export interface TalkViewProps {
  flowId: string;
  flowName: string;
  doc: FlowDoc;
  /** Which document the canvas shows: the deployed version, or the draft when none is deployed. */
  source: string;
  /** From `?runtime=` or the flow's active deployment; else the URL last used in this browser. */
  runtimeUrl: string | null;
}

const STATUS_TEXT: Record<SessionStatus, string> = { idle: "Not connected", connecting: "Connecting…", connected: "Connected", ended: "Call ended", error: "Error" };

/** Talk to the deployed flow: microphone to the runtime, live transcript, active node, latency per turn. */
export function TalkView({ flowId, flowName, doc, source, runtimeUrl: initialUrl }: TalkViewProps) {
  const [runtimeUrl, setRuntimeUrl] = useState(initialUrl ?? "");
  const { state, connect, disconnect } = useVoiceSession();
  const live = state.status === "connecting" || state.status === "connected";

  useEffect(() => {
    if (!initialUrl) setRuntimeUrl(savedRuntimeUrl());
  }, [initialUrl]);

  const unknownNode = state.activeNodeId !== null && !doc.nodes.some((n) => n.id === state.activeNodeId?.split("/")[0]);

  return (
    <div className="talk-shell">
      <header className="topbar">
        <a className="brand" href={`/flows/${encodeURIComponent(flowId)}`} style={{ color: "inherit", textDecoration: "none" }}>
          <span className="brand-mark" aria-hidden />
          Voxchart
        </a>
        <span className="flow-title">Talk · {flowName}</span>
        <span className="hint">{source}</span>
        <span className="spacer" />
        <input className="input" style={{ width: 240 }} aria-label="Runtime URL" data-testid="talk-runtime-url" value={runtimeUrl} disabled={live} onChange={(e) => setRuntimeUrl(e.target.value)} />
        <span className="talk-status" data-status={state.status} data-testid="talk-status">
          {STATUS_TEXT[state.status]}
        </span>
        {live ? (
          <button type="button" className="btn small danger" onClick={() => void disconnect()} data-testid="talk-disconnect">
            Disconnect
          </button>
        ) : (
          <button
            type="button"
            className="btn small primary"
            disabled={runtimeUrl.trim() === ""}
            onClick={() => {
              saveRuntimeUrl(runtimeUrl.trim());
              void connect(runtimeUrl.trim());
            }}
            data-testid="talk-connect"
          >
            Connect microphone
          </button>
        )}
      </header>
      <main className="talk-main">
        <TalkCanvas doc={doc} activeNodeId={state.activeNodeId} visited={state.visited} />
      </main>
      <aside className="talk-side">
        {state.error && (
          <div className="talk-error" role="alert" data-testid="talk-error">
            {state.error}
          </div>
        )}
        <div className="talk-indicators">
          <span className={`talk-dot${state.userSpeaking ? " on" : ""}`}>You</span>
          <span className={`talk-dot bot${state.botSpeaking ? " on" : ""}`}>Bot</span>
          <span className="grow" />
          <span className="hint" data-testid="talk-node">
            node: <span className="mono">{state.activeNodeId ?? "–"}</span>
            {unknownNode && " (not in this flow: the runtime serves another flow or version; deploy this one)"}
          </span>
        </div>
        <div className="talk-transcript">
          <LiveTranscript lines={state.transcript} />
        </div>
        {Object.keys(state.variables).length > 0 && <pre className="vars">{JSON.stringify(state.variables, null, 2)}</pre>}
      </aside>
      <section className="talk-bottom" aria-label="Latency per turn">
        <h2 className="panel-title">Latency per turn</h2>
        <LatencyWaterfall turns={state.turns} />
      </section>
    </div>
  );
}

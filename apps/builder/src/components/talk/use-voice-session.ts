"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PipecatClient } from "@pipecat-ai/client-js";
import { RuntimeServerMessageSchema, type TurnMetrics } from "./talk-messages";
import { applyTranscript, type TranscriptEvent, type TranscriptLine } from "./transcript-state";

export type SessionStatus = "idle" | "connecting" | "connected" | "ended" | "error";

export interface VoiceSessionState {
  status: SessionStatus;
  error: string | null;
  transcript: TranscriptLine[];
  activeNodeId: string | null;
  visited: string[];
  variables: Record<string, unknown>;
  turns: TurnMetrics[];
  userSpeaking: boolean;
  botSpeaking: boolean;
}

const INITIAL: VoiceSessionState = {
  status: "idle",
  error: null,
  transcript: [],
  activeNodeId: null,
  visited: [],
  variables: {},
  turns: [],
  userSpeaking: false,
  botSpeaking: false,
};

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "data" in error) {
    const data = (error as { data: unknown }).data;
    if (typeof data === "object" && data !== null && "error" in data) return String((data as { error: unknown }).error);
  }
  return String(error);
}

/**
 * A voice call to a Voxchart runtime through the official Pipecat client: microphone in, bot
 * audio out, RTVI events into React state. A fresh client and transport per call (PIPECAT.md §5).
 */
export function useVoiceSession() {
  const [state, setState] = useState<VoiceSessionState>(INITIAL);
  const client = useRef<PipecatClient | null>(null);
  /** Set once the runtime says the call ended or was transferred: its closing the socket is no error. */
  const finished = useRef(false);

  const patch = useCallback((update: (s: VoiceSessionState) => Partial<VoiceSessionState>) => setState((s) => ({ ...s, ...update(s) })), []);
  const say = useCallback((event: TranscriptEvent) => patch((s) => ({ transcript: applyTranscript(s.transcript, event) })), [patch]);

  const onServerMessage = useCallback(
    (data: unknown) => {
      const parsed = RuntimeServerMessageSchema.safeParse(data);
      if (!parsed.success) return;
      const m = parsed.data;
      if (m.type === "node")
        patch((s) => ({ activeNodeId: m.nodeId, visited: s.visited.includes(m.nodeId) ? s.visited : [...s.visited, m.nodeId], variables: m.variables ?? s.variables }));
      else if (m.type === "turn-metrics") patch((s) => ({ turns: [...s.turns, m.metrics] }));
      else {
        finished.current = true;
        say({ type: "event", text: m.type === "end" ? "The call ended." : "The call was transferred." });
      }
    },
    [patch, say],
  );

  const connect = useCallback(
    async (runtimeUrl: string) => {
      if (client.current) return;
      finished.current = false;
      setState({ ...INITIAL, status: "connecting" });
      try {
        // Browser-only modules: loaded on demand, never during server rendering.
        const [{ PipecatClient: Client }, { WebSocketTransport, WavMediaManager }] = await Promise.all([import("@pipecat-ai/client-js"), import("@pipecat-ai/websocket-transport")]);
        const pc = new Client({
          transport: new WebSocketTransport({ mediaManager: new WavMediaManager(512, 16000) }),
          enableMic: true,
          enableCam: false,
          callbacks: {
            onUserStartedSpeaking: () => patch((s) => ({ userSpeaking: true, transcript: applyTranscript(s.transcript, { type: "bot-stopped" }) })),
            onUserStoppedSpeaking: () => patch(() => ({ userSpeaking: false })),
            onBotStartedSpeaking: () => patch(() => ({ botSpeaking: true })),
            onBotStoppedSpeaking: () => patch((s) => ({ botSpeaking: false, transcript: applyTranscript(s.transcript, { type: "bot-stopped" }) })),
            onUserTranscript: (d) => {
              if (d.text.trim()) say({ type: "user", text: d.text, final: d.final });
            },
            onBotOutput: (d) => say({ type: "bot", text: d.text }),
            onServerMessage,
            onError: (m) => {
              if (!finished.current) patch(() => ({ error: messageOf(m) }));
            },
            onDisconnected: () => {
              client.current = null;
              patch((s) => ({ status: s.status === "error" ? "error" : "ended", userSpeaking: false, botSpeaking: false }));
            },
          },
        });
        client.current = pc;
        await pc.startBotAndConnect({ endpoint: `${runtimeUrl.replace(/\/+$/, "")}/start`, requestData: {} });
        patch(() => ({ status: "connected" }));
      } catch (error) {
        const pc = client.current;
        client.current = null;
        patch(() => ({ status: "error", error: `Could not connect to ${runtimeUrl}: ${messageOf(error)}` }));
        await pc?.disconnect().catch(() => undefined);
      }
    },
    [patch, say, onServerMessage],
  );

  const disconnect = useCallback(async () => {
    const pc = client.current;
    client.current = null;
    await pc?.disconnect().catch(() => undefined);
    patch((s) => ({ status: s.status === "error" ? "error" : "ended", userSpeaking: false, botSpeaking: false }));
  }, [patch]);

  useEffect(() => () => void client.current?.disconnect().catch(() => undefined), []);

  return { state, connect, disconnect };
}

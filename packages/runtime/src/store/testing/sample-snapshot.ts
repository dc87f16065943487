import type { SessionSnapshot } from "@voxchart/engine";
import type { VoiceTurnMetrics } from "../../voice";

/** A snapshot as the engine persists it (the task track is opaque JSON to the store). */
export function sampleSnapshot(flowId: string, turnCounter: number, nodeId = "ask"): SessionSnapshot {
  return {
    version: 1,
    sessionId: "s-1",
    flowId,
    task: { status: "active", value: nodeId, context: { variables: { party: turnCounter } } },
    history: [{ role: "user", content: `turn ${turnCounter}` }],
    transcript: Array.from({ length: turnCounter }, (_, i) => ({ role: "user" as const, text: `turn ${i + 1}`, nodeId, at: i * 1000, turnId: `t${i + 1}` })),
    turnCounter,
    savedAt: turnCounter * 1000,
  };
}

export function sampleTurn(nodeId: string, userText: string, botText: string): { userText: string; botText: string; nodeId: string; metrics: VoiceTurnMetrics } {
  return {
    userText,
    botText,
    nodeId,
    metrics: { turnId: "t", nodeId, sttMs: 12, understandingMs: Number.NaN, filler: "One moment.", overBudget: [], rtvi: {} as VoiceTurnMetrics["rtvi"] },
  };
}

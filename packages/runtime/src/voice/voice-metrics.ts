import type { TurnMetrics } from "@voxchart/engine";
import type { RtviMetricsData } from "../transport";

/**
 * A turn's timings across the whole voice path, in milliseconds: what the engine measured plus
 * what only the runtime sees (VAD endpointing, STT, TTS, transport).
 */
export interface VoiceTurnMetrics {
  turnId: string;
  nodeId: string;
  /** Silence the VAD waited before it declared the end of speech. */
  vadEndOfSpeechMs?: number;
  sttMs?: number;
  understandingMs?: number;
  llmFirstTokenMs?: number;
  ttsFirstAudioMs?: number;
  /** From the first TTS audio to its first frame handed to the transport. */
  transportMs?: number;
  /** End of the user's speech to the first bot audio sent (voice to voice). */
  voiceToVoiceMs?: number;
  filler: string | null;
  overBudget: string[];
  rtvi: RtviMetricsData;
}

/** Collects the runtime-side timestamps of the turn in progress and merges them with the engine's. */
export function createTurnTimer(now: () => number) {
  let speechEndAt: number | undefined;
  let speechEndDetectedAt: number | undefined;
  let finalAt: number | undefined;
  let sttMs: number | undefined;
  let ttsFirstAudioMs: number | undefined;
  const speechStartedAt = new Map<string, number>();
  const firstAudioAt = new Map<string, number>();

  return {
    speechEnded(at: number, detectedAt: number) {
      speechEndAt = at;
      speechEndDetectedAt = detectedAt;
    },
    finalTranscript(at: number) {
      finalAt = at;
    },
    metric(name: string, value: number) {
      if (name === "stt.finalMs") sttMs = value;
      if (name === "tts.firstAudioMs" && ttsFirstAudioMs === undefined) ttsFirstAudioMs = value;
    },
    speechStarted(turnId: string, at: number) {
      speechStartedAt.set(turnId, at);
    },
    firstAudioSent(turnId: string, at: number) {
      if (!firstAudioAt.has(turnId)) firstAudioAt.set(turnId, at);
    },
    /** Called with the engine's metrics when a turn completes; resets for the next turn. */
    complete(engine: TurnMetrics): VoiceTurnMetrics {
      const from = engine.finalTranscriptAt ?? finalAt;
      // The first audio the caller heard: a filler's, when one played before the answer.
      const heard = [firstAudioAt.get(engine.turnId), firstAudioAt.get(`${engine.turnId}-filler`)].filter((t): t is number => t !== undefined);
      const firstAudio = heard.length > 0 ? Math.min(...heard) : undefined;
      const m: VoiceTurnMetrics = {
        turnId: engine.turnId,
        nodeId: engine.nodeId,
        filler: engine.filler ?? null,
        overBudget: engine.overBudget,
        rtvi: {},
      };
      if (speechEndAt !== undefined && speechEndDetectedAt !== undefined) m.vadEndOfSpeechMs = speechEndDetectedAt - speechEndAt;
      if (sttMs !== undefined) m.sttMs = sttMs;
      if (from !== undefined && engine.understandingDoneAt !== undefined) m.understandingMs = engine.understandingDoneAt - from;
      if (from !== undefined && engine.firstTokenAt !== undefined) m.llmFirstTokenMs = engine.firstTokenAt - from;
      if (ttsFirstAudioMs !== undefined) m.ttsFirstAudioMs = ttsFirstAudioMs;
      const spoke = speechStartedAt.get(engine.turnId);
      if (firstAudio !== undefined && spoke !== undefined && ttsFirstAudioMs !== undefined) m.transportMs = Math.max(0, firstAudio - spoke - ttsFirstAudioMs);
      if (firstAudio !== undefined && speechEndAt !== undefined) m.voiceToVoiceMs = firstAudio - speechEndAt;
      const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
      const processing = [
        ["vad", m.vadEndOfSpeechMs],
        ["stt", m.sttMs],
        ["understanding", m.understandingMs],
        ["transport", m.transportMs],
        ["voice-to-voice", m.voiceToVoiceMs],
      ] as const;
      const ttfb = [
        ["llm", m.llmFirstTokenMs],
        ["tts", m.ttsFirstAudioMs],
      ] as const;
      m.rtvi = {
        processing: processing.flatMap(([processor, v]) => (v === undefined ? [] : [{ processor, value: seconds(v) as number }])),
        ttfb: ttfb.flatMap(([processor, v]) => (v === undefined ? [] : [{ processor, value: seconds(v) as number }])),
      };
      speechEndAt = speechEndDetectedAt = finalAt = sttMs = ttsFirstAudioMs = undefined;
      speechStartedAt.delete(engine.turnId);
      firstAudioAt.delete(engine.turnId);
      firstAudioAt.delete(`${engine.turnId}-filler`);
      void now;
      return m;
    },
  };
}

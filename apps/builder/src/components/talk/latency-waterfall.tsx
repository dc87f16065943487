"use client";
import type { TurnMetrics } from "./talk-messages";

/** The stages of a turn, laid end to end from the end of the user's speech (ms). */
interface Segment {
  key: string;
  label: string;
  start: number;
  ms: number;
  color: string;
}

const COLORS = {
  vad: "#98a2b3",
  stt: "#7c3aed",
  understanding: "#0891b2",
  llm: "#2563eb",
  tts: "#059669",
  transport: "#d97706",
  total: "#101828",
} as const;

/**
 * Segments of one turn. VAD starts at the end of speech; STT follows; understanding and the LLM's
 * first token both start at the final transcript; TTS starts at the first token (or after
 * understanding); transport after the first TTS audio. Voice-to-voice is the whole span.
 */
export function turnSegments(m: TurnMetrics): Segment[] {
  const out: Segment[] = [];
  const add = (key: keyof typeof COLORS, label: string, start: number, ms: number | undefined) => {
    if (ms !== undefined && Number.isFinite(ms)) out.push({ key, label, start, ms: Math.max(0, ms), color: COLORS[key] });
    return start + Math.max(0, ms ?? 0);
  };
  const afterVad = add("vad", "VAD end of speech", 0, m.vadEndOfSpeechMs);
  const transcribed = add("stt", "STT", afterVad, m.sttMs);
  const understood = add("understanding", "Understanding", transcribed, m.understandingMs);
  const firstToken = m.llmFirstTokenMs !== undefined ? add("llm", "LLM first token", transcribed, m.llmFirstTokenMs) : understood;
  const firstAudio = add("tts", "TTS first audio", Math.max(firstToken, understood), m.ttsFirstAudioMs);
  add("transport", "Transport", firstAudio, m.transportMs);
  add("total", "Voice to voice", 0, m.voiceToVoiceMs);
  return out;
}

const ms = (v: number) => `${Math.round(v)} ms`;

export function LatencyWaterfall({ turns }: { turns: readonly TurnMetrics[] }) {
  if (turns.length === 0) return <div className="empty" data-testid="waterfall-empty">Speak to see each turn&apos;s latency here.</div>;
  const rows = turns.map((t) => ({ turn: t, segments: turnSegments(t) }));
  const scale = Math.max(1, ...rows.flatMap((r) => r.segments.map((s) => s.start + s.ms)));
  return (
    <div className="waterfall" data-testid="waterfall">
      <div className="waterfall-legend">
        {Object.entries({ VAD: COLORS.vad, STT: COLORS.stt, Understanding: COLORS.understanding, "LLM first token": COLORS.llm, "TTS first audio": COLORS.tts, Transport: COLORS.transport, "Voice to voice": COLORS.total }).map(([label, color]) => (
          <span key={label}>
            <i style={{ background: color }} />
            {label}
          </span>
        ))}
        <span className="grow" />
        <span className="hint">scale 0 – {ms(scale)}</span>
      </div>
      {rows.map(({ turn, segments }, i) => (
        <div className="waterfall-turn" key={`${turn.turnId}-${i}`} data-testid="waterfall-turn">
          <div className="waterfall-head">
            <strong>Turn {i + 1}</strong> <span className="mono">{turn.nodeId}</span>
            {turn.filler && <span className="badge">filler</span>}
            <span className="grow" />
            <span className="mono" data-testid="turn-v2v">
              {turn.voiceToVoiceMs !== undefined ? `${ms(turn.voiceToVoiceMs)} voice to voice` : "no audio"}
            </span>
          </div>
          {segments.map((s) => (
            <div className="waterfall-row" key={s.key} data-stage={s.key}>
              <span className="waterfall-label">{s.label}</span>
              <span className="waterfall-track">
                <span className="waterfall-bar" style={{ left: `${(s.start / scale) * 100}%`, width: `max(2px, ${(s.ms / scale) * 100}%)`, background: s.color }} title={`${s.label}: ${ms(s.ms)} (from ${ms(s.start)})`} />
              </span>
              <span className="waterfall-ms mono">{ms(s.ms)}</span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

import { rms } from "../../audio";
import { createEnergyVad } from "../../vad/energy-vad";
import type { EchoPath } from "../echo-suppressor";
import { callerSpeech16k, seededUniform } from "./synthetic-audio";

/**
 * A measuring rig for the echo suppressor: synthetic full-duplex calls on explicit timestamps
 * (no wall clock). The bot speaks irregular voice-like syllables; its audio is handed to the
 * suppressor as a TTS would (100 ms chunks, up to 300 ms ahead of playout); the microphone hears
 * it back after `delayMs` at `gain` over background noise, plus optionally a caller talking over
 * it; microphone frames (20 ms) arrive with jitter. The suppressor's output goes through the
 * runtime's energy VAD, as in the pipeline, so a false barge-in and the caller being heard are
 * both a VAD speech start. `measureEchoSuppressor` runs the whole grid (paths × offsets × caller
 * levels, several phases of a call) and `formatEchoReport` prints it.
 */

/** The suppressor's surface the rig drives (createEchoSuppressor, or another version to compare). */
export interface EchoSuppressorUnderTest {
  addReference(pcm24k: Int16Array, at: number): void;
  stopped(at: number, tailMs: number): void;
  process(pcm16k: Int16Array, at: number): { pcm: Int16Array; echo: boolean };
  readonly path: EchoPath | null;
}

export interface EchoScenario {
  /** Speaker → microphone delay after the playout time (ms) and level ratio. */
  delayMs: number;
  gain: number;
  /** Background noise level at the microphone. Default -60 dBFS. */
  noiseDbfs?: number;
  /** A room: a reverberant tail (about 150 ms) and the echo's level wandering ±2 dB (speaker/mic AGC). */
  room?: boolean;
  /**
   * What is left after the client's own echo canceller: the echo's level jumps between full and
   * 20 dB down every 50–300 ms (the canceller converging and slipping).
   */
  aecResidual?: boolean;
  /** Length of the measured bot turn. Default 6000 ms. */
  botMs?: number;
  /** Echo-only bot turns earlier in the same call (3 s each, 1.5 s apart). Default 0. */
  earlierTurns?: number;
  /** The echo path changes to this from the start of the measured turn (drift). */
  measuredPath?: { delayMs: number; gain: number };
  /**
   * A caller talking over the measured turn from `atMs` after it starts until it ends, `levelDb`
   * relative to the echo's RMS over the turn: in words of 400–900 ms with 150–350 ms pauses, or
   * without a pause (`continuous`).
   */
  caller?: { atMs: number; levelDb: number; continuous?: boolean };
  /** The microphone sends digital silence until this long into the measured turn (warming up, muted). */
  silentMicMs?: number;
  seed?: number;
}

export interface EchoFrame {
  /** Start of the frame relative to the measured turn's first played audio. */
  atMs: number;
  echo: boolean;
  inRms: number;
  outRms: number;
  callerRms: number;
  echoRms: number;
  /** The suppressor's learnt path after the frame. */
  path: EchoPath | null;
}

export interface EchoCallResult {
  /** Microphone frames from the start of the measured turn until 500 ms after it. */
  frames: EchoFrame[];
  /** VAD speech starts (detection times relative to the measured turn), over the whole call. */
  speechStarts: number[];
  /** Speech starts detected before the measured turn (only echo is heard there). */
  earlierSpeechStarts: number;
  path: EchoPath | null;
}

const T0 = 5_000_000;
const FRAME_MS = 20;
const CHUNK_MS = 100;
const LEAD_MS = 300;
const PRE_ROLL_MS = 1000;
const EARLIER_TURN_MS = 3000;
const TURN_GAP_MS = 1500;
/** Output above this (about -54 dBFS, the suppressor's default quiet level) counts as passed audio. */
export const PASSED_RMS = 0.002;

const random = seededUniform;

/**
 * Voice-like bot speech as a function of time (so it can be sampled at 24 kHz for the reference
 * and 16 kHz for the microphone): syllables of 100–300 ms with their own loudness, in words of one
 * to four syllables separated by 40–250 ms gaps, on a 110–190 Hz voice with four harmonics.
 */
export function botSpeech(ms: number, seed = 1): (tMs: number) => number {
  const next = random(seed);
  const syllables: { from: number; to: number; peak: number; f0: number }[] = [];
  let at = 0;
  while (at < ms) {
    const count = 1 + Math.floor(next() * 4);
    for (let i = 0; i < count && at < ms; i++) {
      const length = 100 + next() * 200;
      syllables.push({ from: at, to: Math.min(ms, at + length), peak: 0.45 + 0.55 * next(), f0: 110 + next() * 80 });
      at += length;
    }
    at += 40 + next() * 210;
  }
  let index = 0;
  return (tMs) => {
    if (tMs < 0 || tMs >= ms) return 0;
    if ((syllables[index]?.from ?? Infinity) > tMs) index = 0;
    while (index < syllables.length - 1 && (syllables[index]?.to ?? 0) <= tMs) index++;
    const s = syllables[index];
    if (!s || tMs < s.from || tMs >= s.to) return 0;
    const x = (tMs - s.from) / (s.to - s.from);
    const envelope = s.peak * Math.sin(Math.PI * x) ** 0.7;
    const t = tMs / 1000;
    const voice = 0.55 * Math.sin(2 * Math.PI * s.f0 * t) + 0.25 * Math.sin(4 * Math.PI * s.f0 * t) + 0.12 * Math.sin(6 * Math.PI * s.f0 * t) + 0.08 * Math.sin(8 * Math.PI * s.f0 * t);
    return 0.35 * envelope * voice; // peaks about -12 dBFS, -19 dBFS RMS over speech
  };
}

const rendered = new Map<string, Float64Array>();

/** `botSpeech(ms, seed)` sampled at `rate` (memoised: the grid reuses a few utterances). */
function renderBotSpeech(ms: number, seed: number, rate: number): Float64Array {
  const key = `${ms}/${seed}/${rate}`;
  let out = rendered.get(key);
  if (!out) {
    const speech = botSpeech(ms, seed);
    out = new Float64Array(Math.round((ms * rate) / 1000));
    for (let i = 0; i < out.length; i++) out[i] = speech((i * 1000) / rate);
    rendered.set(key, out);
  }
  return out;
}

/** The caller's voice, in words with pauses unless `continuous`, scaled to RMS `level` over its voiced part. */
function callerTrack(ms: number, level: number, continuous: boolean, seed: number): Float64Array {
  const key = `caller/${ms}/${seed}`;
  let voice = rendered.get(key);
  if (!voice) rendered.set(key, (voice = Float64Array.from(callerSpeech16k(ms, { seed: seed + 100 }), (v) => v / 32767)));
  const out = voice.slice();
  if (!continuous) {
    const next = random(seed * 17 + 9);
    let at = 0;
    let speaking = true;
    while (at < out.length) {
      const length = Math.round((speaking ? 400 + next() * 500 : 150 + next() * 200) * 16);
      if (!speaking) out.fill(0, at, at + length);
      at += length;
      speaking = !speaking;
    }
  }
  let sum = 0;
  let voiced = 0;
  for (const v of out) if (v !== 0) (sum += v * v), voiced++;
  const scale = level / Math.sqrt(sum / Math.max(1, voiced));
  return out.map((v) => v * scale);
}

function toPcm(x: Float64Array): Int16Array {
  const out = new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round((x[i] as number) * 32767)));
  return out;
}

const sentPcm = new Map<string, Int16Array>();

function floatRms(x: Float64Array): number {
  let sum = 0;
  for (const v of x) sum += v * v;
  return x.length ? Math.sqrt(sum / x.length) : 0;
}

/** Runs one call through a fresh suppressor; see EchoScenario. */
export function simulateEchoCall(create: () => EchoSuppressorUnderTest, scenario: EchoScenario): EchoCallResult {
  const seed = scenario.seed ?? 1;
  const turns: { startMs: number; ms: number; seed: number; path: { delayMs: number; gain: number } }[] = [];
  let at = PRE_ROLL_MS;
  for (let i = 0; i < (scenario.earlierTurns ?? 0); i++) {
    turns.push({ startMs: at, ms: EARLIER_TURN_MS, seed: seed * 31 + i + 1, path: scenario });
    at += EARLIER_TURN_MS + TURN_GAP_MS;
  }
  const measuredAt = at;
  const measured = { startMs: at, ms: scenario.botMs ?? 6000, seed: seed * 31, path: scenario.measuredPath ?? scenario };
  turns.push(measured);
  const endMs = measuredAt + measured.ms + 500;

  // What the microphone hears, sample by sample (16 kHz): the echo of every turn, and the caller.
  const echo = new Float64Array(endMs * 16);
  for (const turn of turns) {
    const speech = renderBotSpeech(turn.ms, turn.seed, 16000);
    const from = (turn.startMs + turn.path.delayMs) * 16;
    for (let i = 0; i < speech.length && from + i < echo.length; i++) echo[from + i] = (speech[i] as number) * turn.path.gain;
  }
  if (scenario.room) {
    const lag = 23 * 16;
    for (let i = lag; i < echo.length; i++) echo[i]! += 0.35 * (echo[i - lag] as number);
    for (let i = 0; i < echo.length; i++) echo[i]! *= 10 ** ((2 * Math.sin((2 * Math.PI * 0.7 * i) / 16000 + seed)) / 20);
  }
  if (scenario.aecResidual) {
    const next = random(seed * 19 + 1);
    for (let i = 0; i < echo.length; ) {
      const length = Math.round((50 + next() * 250) * 16);
      const factor = 10 ** ((-20 * next()) / 20);
      for (let j = i; j < Math.min(echo.length, i + length); j++) echo[j]! *= factor;
      i += length;
    }
  }
  const caller = new Float64Array(endMs * 16);
  if (scenario.caller) {
    const from = (measuredAt + scenario.caller.atMs) * 16;
    const speech = renderBotSpeech(measured.ms, measured.seed, 16000);
    const echoRms = floatRms(speech) * measured.path.gain;
    caller.set(callerTrack(measured.ms - scenario.caller.atMs, echoRms * 10 ** (scenario.caller.levelDb / 20), scenario.caller.continuous ?? false, seed), from);
  }
  const noiseAmplitude = 10 ** ((scenario.noiseDbfs ?? -60) / 20) * Math.sqrt(3);
  const nextNoise = random(seed * 7 + 3);

  const suppressor = create();
  const vad = createEnergyVad();
  const nextJitter = random(seed * 13 + 5);
  const chunks = turns.flatMap((turn) => {
    const key = `${turn.ms}/${turn.seed}`;
    let speech = sentPcm.get(key);
    if (!speech) sentPcm.set(key, (speech = toPcm(renderBotSpeech(turn.ms, turn.seed, 24000))));
    return Array.from({ length: Math.ceil(turn.ms / CHUNK_MS) }, (_, k) => ({
      handAt: turn.startMs + Math.max(0, k * CHUNK_MS - LEAD_MS),
      pcm: speech.subarray(k * CHUNK_MS * 24, (k + 1) * CHUNK_MS * 24),
    }));
  });
  let nextChunk = 0;
  const frames: EchoFrame[] = [];
  const speechStarts: number[] = [];
  let earlierSpeechStarts = 0;
  for (let t = 0; t < endMs; t += FRAME_MS) {
    while (nextChunk < chunks.length && chunks[nextChunk]!.handAt <= t) {
      const chunk = chunks[nextChunk++]!;
      suppressor.addReference(chunk.pcm, T0 + chunk.handAt);
    }
    const echoPart = echo.subarray(t * 16, (t + FRAME_MS) * 16);
    const callerPart = caller.subarray(t * 16, (t + FRAME_MS) * 16);
    const mic = echoPart.map((e, i) => e + (callerPart[i] as number) + (nextNoise() * 2 - 1) * noiseAmplitude);
    const pcm = t < measuredAt + (scenario.silentMicMs ?? 0) && t >= measuredAt ? new Int16Array(mic.length) : toPcm(mic);
    const out = suppressor.process(pcm, T0 + t + FRAME_MS + Math.floor(nextJitter() * 20));
    for (const event of vad.processSync(out.pcm).events) {
      if (event.type !== "speechStart") continue;
      if (t < measuredAt) earlierSpeechStarts++;
      else speechStarts.push(t + FRAME_MS - measuredAt);
    }
    if (t >= measuredAt) {
      frames.push({ atMs: t - measuredAt, echo: out.echo, inRms: rms(pcm), outRms: rms(out.pcm), callerRms: floatRms(callerPart), echoRms: floatRms(echoPart), path: suppressor.path });
    }
  }
  return { frames, speechStarts, earlierSpeechStarts, path: suppressor.path };
}

/** False barge-ins on echo-only audio: frames of the measured turn passed (output above PASSED_RMS), and VAD speech starts over the whole call. */
export function falseBargeIns(result: EchoCallResult): { frames: number; speechStarts: number } {
  return {
    frames: result.frames.filter((f) => f.outRms > PASSED_RMS).length,
    speechStarts: result.speechStarts.length + result.earlierSpeechStarts,
  };
}

/**
 * How long after the caller starts (at `atMs` of the measured turn) the suppressor first passes
 * their audio (a frame not taken for echo and above PASSED_RMS), and the VAD reports speech:
 * Infinity if never while they speak.
 */
export function bargeInLatency(result: EchoCallResult, atMs: number): { passMs: number; vadMs: number } {
  const passed = result.frames.find((f) => f.atMs >= atMs && !f.echo && f.outRms > PASSED_RMS && f.callerRms > 0);
  const vad = result.speechStarts.find((s) => s > atMs);
  return { passMs: passed ? passed.atMs + FRAME_MS - atMs : Infinity, vadMs: vad !== undefined ? vad - atMs : Infinity };
}

export const ECHO_DELAYS_MS = [0, 50, 100, 200, 300];
export const ECHO_GAINS = [0.1, 0.3, 0.6, 0.9];
export const CALLER_OFFSETS_MS = [100, 300, 1000, 3000];
export const CALLER_LEVELS_DB = [6, 0];

export interface EchoReport {
  /** Per echo path, echo only: passed frames and VAD speech starts, in the first turn of a call, in its third turn, in a room (first turn) and after a client echo canceller (second turn). */
  falseBargeIns: { delayMs: number; gain: number; first: FalseBargeIns; third: FalseBargeIns; room: FalseBargeIns; aec: FalseBargeIns; path: EchoPath | null }[];
  /** The path changing between the second and third turn of a call, echo only. */
  drift: { from: { delayMs: number; gain: number }; to: { delayMs: number; gain: number }; result: FalseBargeIns; path: EchoPath | null }[];
  /** Per call phase, offset and caller level, over all paths: latencies (median, worst) and paths where the caller was never heard. */
  latency: { phase: LatencyPhase; atMs: number; levelDb: number; passMedianMs: number; vadMedianMs: number; vadWorstMs: number; missed: number; paths: number }[];
}
type FalseBargeIns = { frames: number; speechStarts: number };
export type LatencyPhase = "first turn" | "third turn" | "first turn, caller without pauses";

export const DRIFTS = [
  { from: { delayMs: 100, gain: 0.3 }, to: { delayMs: 100, gain: 0.9 } },
  { from: { delayMs: 100, gain: 0.3 }, to: { delayMs: 200, gain: 0.3 } },
  { from: { delayMs: 200, gain: 0.6 }, to: { delayMs: 50, gain: 0.6 } },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

/** The whole grid: echo paths × (echo only | a caller at each offset and level), in several phases of a call. */
export function measureEchoSuppressor(
  create: () => EchoSuppressorUnderTest,
  grid: { delays?: number[]; gains?: number[]; offsets?: number[]; levels?: number[]; phases?: LatencyPhase[] } = {},
): EchoReport {
  const paths = (grid.delays ?? ECHO_DELAYS_MS).flatMap((delayMs) => (grid.gains ?? ECHO_GAINS).map((gain) => ({ delayMs, gain })));
  const report: EchoReport = { falseBargeIns: [], drift: [], latency: [] };
  for (const p of paths) {
    const first = simulateEchoCall(create, p);
    report.falseBargeIns.push({
      ...p,
      first: falseBargeIns(first),
      third: falseBargeIns(simulateEchoCall(create, { ...p, earlierTurns: 2 })),
      room: falseBargeIns(simulateEchoCall(create, { ...p, room: true })),
      aec: falseBargeIns(simulateEchoCall(create, { ...p, aecResidual: true, earlierTurns: 1 })),
      path: first.path,
    });
  }
  for (const { from, to } of DRIFTS) {
    const result = simulateEchoCall(create, { ...from, measuredPath: to, earlierTurns: 2 });
    report.drift.push({ from, to, result: falseBargeIns(result), path: result.path });
  }
  for (const phase of grid.phases ?? (["first turn", "third turn", "first turn, caller without pauses"] as const)) {
    for (const atMs of grid.offsets ?? CALLER_OFFSETS_MS) {
      for (const levelDb of grid.levels ?? CALLER_LEVELS_DB) {
        const results = paths.map((p) =>
          bargeInLatency(simulateEchoCall(create, { ...p, caller: { atMs, levelDb, continuous: phase === "first turn, caller without pauses" }, earlierTurns: phase === "third turn" ? 2 : 0 }), atMs),
        );
        const vad = results.map((r) => r.vadMs);
        report.latency.push({
          phase,
          atMs,
          levelDb,
          passMedianMs: median(results.map((r) => r.passMs)),
          vadMedianMs: median(vad),
          vadWorstMs: Math.max(...vad),
          missed: vad.filter((v) => !Number.isFinite(v)).length,
          paths: paths.length,
        });
      }
    }
  }
  return report;
}

/** The report as plain-text tables. */
export function formatEchoReport(report: EchoReport): string {
  const fb = (f: FalseBargeIns) => `${String(f.frames).padStart(3)} / ${f.speechStarts}`;
  const lines = ["false barge-ins on echo only (passed frames / VAD starts): first turn | third turn | room | echo canceller residue (second turn); learnt path"];
  for (const f of report.falseBargeIns) {
    lines.push(`  delay ${String(f.delayMs).padStart(3)} ms gain ${f.gain.toFixed(1)}: ${fb(f.first)} | ${fb(f.third)} | ${fb(f.room)} | ${fb(f.aec)}   ${f.path ? `${f.path.delayMs} ms × ${f.path.gain.toFixed(2)}` : "-"}`);
  }
  const sum = (pick: (f: EchoReport["falseBargeIns"][number]) => FalseBargeIns) =>
    fb(report.falseBargeIns.reduce((n, f) => ({ frames: n.frames + pick(f).frames, speechStarts: n.speechStarts + pick(f).speechStarts }), { frames: 0, speechStarts: 0 }));
  lines.push(`  total:                  ${sum((f) => f.first)} | ${sum((f) => f.third)} | ${sum((f) => f.room)} | ${sum((f) => f.aec)}`);
  lines.push("path drift before the third turn (passed frames / VAD starts; learnt path at the end):");
  for (const d of report.drift) {
    lines.push(`  ${d.from.delayMs} ms × ${d.from.gain} → ${d.to.delayMs} ms × ${d.to.gain}: ${fb(d.result)}   ${d.path ? `${d.path.delayMs} ms × ${d.path.gain.toFixed(2)}` : "-"}`);
  }
  lines.push("barge-in latency after the caller starts (ms; suppressor first pass median, VAD start median / worst, paths missed):");
  const ms = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : "never");
  for (const l of report.latency) {
    lines.push(`  ${l.phase.padEnd(33)} +${String(l.atMs).padStart(4)} ms, caller ${l.levelDb} dB: pass ${ms(l.passMedianMs).padStart(5)}, VAD ${ms(l.vadMedianMs).padStart(5)} / ${ms(l.vadWorstMs).padStart(5)}, missed ${String(l.missed).padStart(2)}/${l.paths}`);
  }
  return lines.join("\n");
}

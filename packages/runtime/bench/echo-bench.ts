/**
 * Tier 4 echo suppression benchmark (not a test): synthetic calls on explicit timestamps
 * (src/voice/testing/echo-scenarios.ts) over 20 echo paths (delays 0–300 ms × gains 0.1–0.9,
 * -60 dBFS noise), the suppressor's output through the runtime's energy VAD as in the pipeline.
 * Deterministic: the same numbers on any machine. Prints ONE JSON line {"rows":[…]} last.
 */
import { createEchoSuppressor } from "../src/voice/echo-suppressor";
import { measureEchoSuppressor } from "../src/voice/testing/echo-scenarios";

const report = measureEchoSuppressor(() => createEchoSuppressor());
const sum = (rows: { speechStarts: number; frames: number }[]) => ({
  starts: rows.reduce((n, r) => n + r.speechStarts, 0),
  frames: rows.reduce((n, r) => n + r.frames, 0),
});
const paths = report.falseBargeIns.length;
const falseRow = (label: string, pick: (r: (typeof report.falseBargeIns)[number]) => { speechStarts: number; frames: number }, goal = "") => {
  const s = sum(report.falseBargeIns.map(pick));
  return { metric: `false barge-ins on echo alone, ${label} (${paths} paths)`, value: `${s.starts} VAD starts (whole call), ${s.frames} frames let through (measured turn)`, goal };
};
const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v)} ms` : "never");
const rows = [
  falseRow("first turn of a call", (r) => r.first, "0 VAD starts"),
  falseRow("third turn", (r) => r.third, "0 VAD starts"),
  falseRow("reverberant room, level wandering ±2 dB", (r) => r.room),
  falseRow("after a client echo canceller (residue jumping up to 20 dB)", (r) => r.aec),
  ...report.drift.map((d) => {
    const s = sum([d.result]);
    return { metric: `false barge-ins when the path drifts between turns (${d.from.delayMs} ms × ${d.from.gain} → ${d.to.delayMs} ms × ${d.to.gain})`, value: `${s.starts} VAD starts (whole call), ${s.frames} frames let through (measured turn)`, goal: "" };
  }),
  ...report.latency.map((l) => ({
    metric: `barge-in heard (caller's first sound → VAD speech start), ${l.phase}, caller from +${l.atMs} ms into the bot's speech at ${l.levelDb} dB over the echo`,
    value: `median ${ms(l.vadMedianMs)}, worst ${ms(l.vadWorstMs)}, never heard on ${l.missed}/${l.paths} paths`,
    goal: "",
  })),
];
console.log(JSON.stringify({ rows }));

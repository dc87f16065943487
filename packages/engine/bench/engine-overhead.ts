/**
 * Benchmark (not a test): the engine's own overhead per turn — from the input event to the first
 * output event — with providers excluded (understanding answers from a precomputed table at once).
 * Prints one JSON object.
 */
import { performance } from "node:perf_hooks";
import { compileFlow, FlowSchema } from "@voxchart/flow";
import { createRealClock, createSession } from "../src/index";
import type { UnderstandingPort, UnderstandResult } from "../src/index";
import { bookingFlow } from "../src/test-support/booking-flow";

const TURNS = Number(process.env.BENCH_TURNS ?? 10_000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

// Understanding with no cost of its own: the turn alternates between a partial fill and silence-free reprompt.
const answers: Record<string, UnderstandResult> = {
  date: { intent: null, slots: { date: "2026-12-01" }, confirmation: null },
  nothing: { intent: null, slots: {}, confirmation: null },
};
const instant: UnderstandingPort = { name: "instant", understand: (r) => Promise.resolve(answers[r.text] ?? answers.nothing!) };

const compiled = compileFlow(FlowSchema.parse({ ...bookingFlow, settings: { ...bookingFlow.settings, maxAttempts: 10 } }));
if (!compiled.ok) throw new Error("bench flow does not compile");

const samples: number[] = [];
let session = createSession(compiled.compiled, { understanding: instant, clock: createRealClock(), playback: "reported" });
session.start();
await session.whenIdle();
let pending: ((t: number) => void) | null = null;
const attach = () =>
  session.on((o) => {
    if (pending && (o.type === "speech.chunk" || o.type === "state.changed")) {
      const done = pending;
      pending = null;
      done(performance.now());
    }
  });
attach();

for (let i = 0; i < TURNS; i++) {
  // A fresh session every few turns keeps the transcript small, as in a real call.
  if (i % 6 === 5) {
    session.stop();
    session = createSession(compiled.compiled, { understanding: instant, clock: createRealClock(), playback: "reported" });
    session.start();
    await session.whenIdle();
    attach();
  }
  const first = new Promise<number>((resolve) => (pending = resolve));
  const t0 = performance.now();
  session.send({ type: "user.text", text: i % 2 === 0 ? "nothing" : "date" });
  const t1 = await first;
  samples.push(t1 - t0);
  await session.whenIdle();
  session.send({ type: "playback.done", turnId: "any" });
}
session.stop();
samples.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    bench: "engine-overhead",
    turns: TURNS,
    p50Ms: Number(percentile(samples, 50).toFixed(4)),
    p99Ms: Number(percentile(samples, 99).toFixed(4)),
    maxMs: Number((samples.at(-1) ?? 0).toFixed(4)),
    goal: "p99 < 1 ms",
  }),
);

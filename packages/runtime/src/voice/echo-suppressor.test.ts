import { describe, expect, it } from "vitest";
import { rms } from "../audio";
import { createEchoSuppressor } from "./echo-suppressor";
import { bargeInLatency, ECHO_DELAYS_MS, ECHO_GAINS, falseBargeIns, simulateEchoCall } from "./testing/echo-scenarios";
import { callerSpeech16k, roomNoise16k } from "./testing/synthetic-audio";

/** A voice-like signal: 180 Hz with a 4 Hz syllable envelope, at `rate`, from `fromMs` for `ms`. */
function botVoice(rate: number, fromMs: number, ms: number, gain = 1): Int16Array {
  const out = new Int16Array(Math.round((ms * rate) / 1000));
  for (let i = 0; i < out.length; i++) {
    const t = fromMs / 1000 + i / rate;
    out[i] = Math.round(gain * 9000 * (0.25 + 0.75 * Math.abs(Math.sin(Math.PI * 4 * t))) * Math.sin(2 * Math.PI * 180 * t));
  }
  return out;
}

function mix(a: Int16Array, b: Int16Array): Int16Array {
  return a.map((v, i) => Math.max(-32768, Math.min(32767, v + (b[i] ?? 0))));
}

const T0 = 1_000_000;

/** The bot talks for `ms` from T0 (sent 20 ms at a time, as played); the microphone hears it `delayMs` later at `gain`. */
function run(options: { ms: number; delayMs: number; gain: number; caller?: { fromMs: number; audio: Int16Array } }) {
  const echo = createEchoSuppressor();
  const frames: { at: number; echo: boolean; inRms: number; outRms: number }[] = [];
  const noise = roomNoise16k(options.ms + 1000);
  for (let t = 0; t < options.ms + 500; t += 20) {
    if (t < options.ms) echo.addReference(botVoice(24000, t, 20), T0 + t);
    const start = t - options.delayMs;
    let mic = noise.subarray((t * 16000) / 1000, ((t + 20) * 16000) / 1000);
    if (start >= 0 && start < options.ms) mic = mix(mic, botVoice(16000, start, 20, options.gain));
    const c = options.caller;
    if (c && t >= c.fromMs) {
      const offset = ((t - c.fromMs) * 16000) / 1000;
      if (offset < c.audio.length) mic = mix(mic, c.audio.subarray(offset, offset + 320));
    }
    const out = echo.process(mic, T0 + t + 20 + (t % 60 === 0 ? 15 : 0)); // arrival jitter
    frames.push({ at: t, echo: out.echo, inRms: rms(mic), outRms: rms(out.pcm) });
  }
  return { frames, path: echo.path };
}

describe("echo suppressor", () => {
  it("learns the echo path and turns echo alone into near silence", () => {
    const { frames, path } = run({ ms: 3000, delayMs: 120, gain: 0.3 });
    expect(path?.delayMs).toBeGreaterThanOrEqual(100);
    expect(path?.delayMs).toBeLessThanOrEqual(140);
    expect(path?.gain).toBeCloseTo(0.3, 1);
    const during = frames.filter((f) => f.at >= 200 && f.at < 3000);
    expect(during.filter((f) => f.echo).length / during.length).toBeGreaterThan(0.95);
    expect(Math.max(...during.map((f) => f.outRms))).toBeLessThan(0.003);
  });

  it("lets a caller talking over the bot through", () => {
    const { frames } = run({ ms: 3000, delayMs: 120, gain: 0.3, caller: { fromMs: 1500, audio: callerSpeech16k(1000) } });
    const talking = frames.filter((f) => f.at >= 1500 && f.at < 2500);
    const loud = talking.filter((f) => f.outRms > 0.02);
    expect(loud.length / talking.length).toBeGreaterThan(0.6);
  });

  it("leaves the microphone alone while the bot is silent", () => {
    const { frames } = run({ ms: 0, delayMs: 120, gain: 0.3 });
    expect(frames.every((f) => !f.echo && f.outRms === f.inRms)).toBe(true);
  });
});

/** Over synthetic calls (explicit timestamps, see testing/echo-scenarios.ts): the bot's speech, its echo on each path, noise, a caller. */
describe("echo suppressor over echo paths (delays 0–300 ms, gains 0.1–0.9, -60 dBFS noise)", () => {
  const create = () => createEchoSuppressor();
  const paths = ECHO_DELAYS_MS.flatMap((delayMs) => ECHO_GAINS.map((gain) => ({ delayMs, gain })));
  /** Fewer paths where each needs a call per offset and level. */
  const somePaths = [0, 100, 200, 300].flatMap((delayMs) => [0.1, 0.3, 0.9].map((gain) => ({ delayMs, gain })));

  it("never takes echo alone for the caller, in a call's first turn or a later one", () => {
    for (const p of paths) {
      for (const earlierTurns of [0, 2]) {
        const result = simulateEchoCall(create, { ...p, earlierTurns });
        expect(falseBargeIns(result), JSON.stringify({ ...p, earlierTurns })).toEqual({ frames: 0, speechStarts: 0 });
      }
    }
  });

  it("never takes echo alone for the caller in a reverberant room whose echo level wanders ±2 dB", () => {
    for (const p of paths) expect(falseBargeIns(simulateEchoCall(create, { ...p, room: true })).speechStarts, JSON.stringify(p)).toBe(0);
  });

  it("learns each path's delay and gain within about 200 ms of the echo's start", () => {
    for (const p of paths) {
      const { frames, path } = simulateEchoCall(create, p);
      const learntAt = frames.find((f) => f.path)?.atMs ?? Infinity;
      expect(learntAt - p.delayMs, JSON.stringify(p)).toBeLessThanOrEqual(250);
      expect(Math.abs((path?.delayMs ?? Infinity) - p.delayMs), JSON.stringify(p)).toBeLessThanOrEqual(10);
      expect(path?.gain, JSON.stringify(p)).toBeGreaterThan(p.gain * 0.95);
      expect(path?.gain, JSON.stringify(p)).toBeLessThan(p.gain * 1.1);
    }
  });

  // Worst VAD speech start (ms after the caller's first sound) over the paths, by offset into the
  // bot's first turn. A caller 6 dB over the echo is heard in their first words once the path is
  // learnt (about 200 ms after the echo starts), and at worst in their second words before that.
  const firstTurn: { atMs: number; levelDb: number; withinMs: number }[] = [
    { atMs: 100, levelDb: 6, withinMs: 1000 },
    { atMs: 300, levelDb: 6, withinMs: 800 },
    { atMs: 1000, levelDb: 6, withinMs: 800 },
    { atMs: 3000, levelDb: 6, withinMs: 150 },
    { atMs: 100, levelDb: 0, withinMs: 2200 },
    { atMs: 300, levelDb: 0, withinMs: 2200 },
    { atMs: 1000, levelDb: 0, withinMs: 1200 },
    { atMs: 3000, levelDb: 0, withinMs: 900 },
  ];
  for (const { atMs, levelDb, withinMs } of firstTurn) {
    it(`hears a caller ${levelDb} dB over the echo who starts ${atMs} ms into the bot's first turn within ${withinMs} ms`, () => {
      for (const p of somePaths) {
        const result = simulateEchoCall(create, { ...p, caller: { atMs, levelDb } });
        expect(bargeInLatency(result, atMs).vadMs, JSON.stringify(p)).toBeLessThanOrEqual(withinMs);
      }
    });
  }

  it("keeps the learnt path across turns: a caller 6 dB over the echo is heard 100 ms into a later turn", () => {
    const latencies = somePaths.map((p) => bargeInLatency(simulateEchoCall(create, { ...p, earlierTurns: 2, caller: { atMs: 100, levelDb: 6 } }), 100).vadMs);
    expect(latencies.filter((ms) => ms <= 150).length).toBeGreaterThanOrEqual(somePaths.length * 0.75);
    expect(Math.max(...latencies)).toBeLessThanOrEqual(800);
  });

  it("hears a caller louder than the bot's own audio who talks over it without a pause from its first words, within 1 s", () => {
    // No clean echo to learn from: the caller is heard once every delay's bound is below them.
    for (const delayMs of [0, 100, 300]) {
      const result = simulateEchoCall(create, { delayMs, gain: 0.9, caller: { atMs: 100, levelDb: 6, continuous: true } });
      expect(bargeInLatency(result, 100).vadMs, String(delayMs)).toBeLessThanOrEqual(1000);
    }
  });

  it("follows an echo that grows louder between turns without taking it for the caller", () => {
    const result = simulateEchoCall(create, { delayMs: 100, gain: 0.3, measuredPath: { delayMs: 100, gain: 0.9 }, earlierTurns: 2 });
    expect(falseBargeIns(result).speechStarts).toBe(0);
    expect(result.path?.gain).toBeCloseTo(0.9, 1);
  });

  it("relearns an echo path whose delay changed between turns", () => {
    const result = simulateEchoCall(create, { delayMs: 100, gain: 0.3, measuredPath: { delayMs: 200, gain: 0.3 }, earlierTurns: 2 });
    expect(falseBargeIns(result).speechStarts).toBe(0);
    expect(result.path).toEqual({ delayMs: 200, gain: expect.closeTo(0.3, 1) });
    expect(result.frames.find((f) => f.path?.delayMs === 200)?.atMs).toBeLessThan(600);
  });

  it("does not let a microphone that was silent at first (warming up, muted) open the way for the echo after it", () => {
    for (const gain of [0.3, 0.9]) {
      const result = simulateEchoCall(create, { delayMs: 100, gain, silentMicMs: 400 });
      expect(falseBargeIns(result), String(gain)).toEqual({ frames: 0, speechStarts: 0 });
    }
  });
});

import { describe, expect, it } from "vitest";
import { rms } from "../audio";
import { createEchoSuppressor } from "./echo-suppressor";
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

import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bytesToInt16, concatInt16, float32ToInt16, int16ToBytes, int16ToFloat32 } from "./pcm";
import { bytesToMs, msToSamples, samplesToMs } from "./duration";
import { dbfs, peak, rms, SILENCE_DBFS } from "./levels";
import { createFramer } from "./framer";
import { readWav, writeWav } from "./wav";
import { createWavStreamDecoder } from "./wav-stream";
import { createResampler, resample } from "./resampler";
import { skipWithout } from "./testing/programs";

function sine(freq: number, rate: number, ms: number, amp = 0.5): Int16Array {
  const n = msToSamples(ms, rate);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.round(Math.sin((2 * Math.PI * freq * i) / rate) * amp * 32767);
  return out;
}

/** Dominant frequency by counting zero crossings. */
function zeroCrossingHz(samples: Int16Array, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) {
    if (((samples[i - 1] as number) < 0) !== ((samples[i] as number) < 0)) crossings++;
  }
  return (crossings / 2) * (rate / samples.length);
}

describe("pcm conversions", () => {
  it("round-trips s16 through float32 without loss", () => {
    const s = new Int16Array([0, 1, -1, 32767, -32768, 12345, -12345]);
    expect(Array.from(float32ToInt16(int16ToFloat32(s)))).toEqual(Array.from(s));
  });

  it("clips float samples outside [-1, 1]", () => {
    expect(Array.from(float32ToInt16(new Float32Array([2, -2])))).toEqual([32767, -32768]);
  });

  it("views aligned bytes as samples and copies unaligned ones", () => {
    const s = new Int16Array([1, -2, 300]);
    expect(Array.from(bytesToInt16(int16ToBytes(s)))).toEqual([1, -2, 300]);
    const odd = new Uint8Array(7);
    odd.set(int16ToBytes(s), 1);
    expect(Array.from(bytesToInt16(odd.subarray(1)))).toEqual([1, -2, 300]);
  });

  it("concatenates chunks in order", () => {
    expect(Array.from(concatInt16([new Int16Array([1]), new Int16Array([2, 3])]))).toEqual([1, 2, 3]);
  });
});

describe("duration math and levels", () => {
  it("converts between samples, bytes and ms", () => {
    expect(samplesToMs(320, 16000)).toBe(20);
    expect(msToSamples(20, 24000)).toBe(480);
    expect(bytesToMs(640, 16000)).toBe(20);
  });

  it("measures a half-scale sine at about -9 dBFS and silence at the floor", () => {
    const s = sine(440, 16000, 100);
    expect(rms(s)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    expect(dbfs(s)).toBeCloseTo(-9.03, 1);
    expect(peak(s)).toBeCloseTo(0.5, 2);
    expect(dbfs(new Int16Array(320))).toBe(SILENCE_DBFS);
  });
});

describe("framer", () => {
  it("cuts uneven chunks into 20 ms frames and keeps the remainder", () => {
    const framer = createFramer(16000);
    expect(framer.frameSamples).toBe(320);
    const input = Int16Array.from({ length: 1000 }, (_, i) => i);
    const frames = [...framer.push(input.subarray(0, 100)), ...framer.push(input.subarray(100))];
    expect(frames).toHaveLength(3);
    expect(frames[1]?.[0]).toBe(320);
    expect(framer.pending).toBe(40);
    const last = framer.flush();
    expect(last?.[0]).toBe(960);
    expect(last?.[39]).toBe(999);
    expect(last?.[40]).toBe(0);
    expect(framer.flush()).toBeUndefined();
  });
});

describe("wav files", () => {
  it("writes and reads back mono 16-bit PCM", () => {
    const samples = sine(300, 16000, 50);
    const back = readWav(writeWav({ samples, sampleRate: 16000 }));
    expect(back.sampleRate).toBe(16000);
    expect(Array.from(back.samples)).toEqual(Array.from(samples));
  });

  it("rejects bytes that are not a WAV file with a coded error", () => {
    expect(() => readWav(new Uint8Array([1, 2, 3, 4]))).toThrow(expect.objectContaining({ code: "audio.invalid_wav" }));
  });

  it.skipIf(skipWithout("sox"))("reads a stereo 24-bit file that sox wrote as mono s16", () => {
    const dir = mkdtempSync(join(tmpdir(), "vox-wav-"));
    const mono = join(dir, "mono.wav");
    writeFileSync(mono, writeWav({ samples: sine(500, 22050, 100), sampleRate: 22050 }));
    const stereo = join(dir, "stereo.wav");
    expect(spawnSync("sox", [mono, "-c", "2", "-b", "24", stereo]).status).toBe(0);
    const back = readWav(new Uint8Array(readFileSync(stereo)));
    expect(back.sampleRate).toBe(22050);
    expect(back.samples.length).toBe(msToSamples(100, 22050));
    expect(Math.abs(zeroCrossingHz(back.samples, 22050) - 500)).toBeLessThan(15);
  });

  it("decodes a WAV stream delivered one byte at a time", () => {
    const samples = sine(300, 22050, 20);
    const bytes = writeWav({ samples, sampleRate: 22050 });
    const decoder = createWavStreamDecoder();
    const parts: Int16Array[] = [];
    for (let i = 0; i < bytes.length; i++) parts.push(decoder.push(bytes.subarray(i, i + 1)));
    expect(decoder.sampleRate).toBe(22050);
    expect(Array.from(concatInt16(parts))).toEqual(Array.from(samples));
  });

  it.skipIf(skipWithout("espeak-ng"))("decodes espeak-ng's streamed WAV, whose header has no length", () => {
    const out = spawnSync("espeak-ng", ["-v", "en-us", "--stdout", "hello"]);
    const decoder = createWavStreamDecoder();
    const pcm = decoder.push(new Uint8Array(out.stdout));
    expect(decoder.sampleRate).toBe(22050);
    expect(pcm.length).toBeGreaterThan(22050 * 0.2);
  });
});

describe("resampling", () => {
  it("keeps duration and pitch from 22050 to 24000 Hz", async () => {
    const input = sine(440, 22050, 1000);
    const out = await resample({ samples: input, sampleRate: 22050 }, 24000);
    expect(out.sampleRate).toBe(24000);
    expect(out.samples.length).toBe(24000);
    expect(Math.abs(zeroCrossingHz(out.samples, 24000) - 440)).toBeLessThan(5);
  });

  it("streams in small chunks with the same total length as one pass", async () => {
    const input = sine(1000, 24000, 500);
    const r = await createResampler(24000, 16000);
    const parts: Int16Array[] = [];
    for (let i = 0; i < input.length; i += 480) parts.push(r.process(input.subarray(i, i + 480)));
    parts.push(r.flush());
    r.release();
    const out = concatInt16(parts);
    expect(out.length).toBe(8000);
    expect(Math.abs(zeroCrossingHz(out.subarray(100), 16000) - 1000)).toBeLessThan(10);
    expect(Math.abs(rms(out.subarray(200, 7800)) - rms(input))).toBeLessThan(0.02);
  });

  it("starts from a clean state when a pooled converter is reused", async () => {
    const first = await createResampler(22050, 24000);
    first.process(sine(440, 22050, 100, 0.9));
    first.release();
    const second = await createResampler(22050, 24000);
    const out = second.process(new Int16Array(2205));
    second.release();
    expect(peak(out)).toBe(0);
  });

  it("passes audio through when the rates match", async () => {
    const s = sine(100, 16000, 20);
    expect((await resample({ samples: s, sampleRate: 16000 }, 16000)).samples).toBe(s);
  });
});


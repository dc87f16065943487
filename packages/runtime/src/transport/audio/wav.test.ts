import { describe, expect, it } from "vitest";
import { encodeWav, parseWav } from "./wav";

describe("WAV", () => {
  it("round-trips 16-bit mono PCM", () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768]);
    const parsed = parseWav(encodeWav(samples, 16000));
    expect(parsed).toEqual({ ok: true, value: { sampleRate: 16000, channels: 1, samples } });
  });

  it("reads a WAV held in a pooled Buffer at an odd offset", () => {
    const wav = encodeWav(Int16Array.from([5, -5]), 24000);
    const pooled = Buffer.concat([Buffer.from([7]), Buffer.from(wav)]).subarray(1);
    const parsed = parseWav(pooled);
    expect(parsed.ok && Array.from(parsed.value.samples)).toEqual([5, -5]);
  });

  it("skips unknown chunks before the data", () => {
    const wav = encodeWav(Int16Array.from([3]), 16000);
    const list = new Uint8Array([0x4c, 0x49, 0x53, 0x54, 2, 0, 0, 0, 0, 0]);
    const withList = new Uint8Array([...wav.subarray(0, 36), ...list, ...wav.subarray(36)]);
    const parsed = parseWav(withList);
    expect(parsed.ok && Array.from(parsed.value.samples)).toEqual([3]);
  });

  it("rejects what is not 16-bit PCM WAV with an actionable message", () => {
    const notWav = parseWav(new TextEncoder().encode("hello world, not audio"));
    expect(!notWav.ok && notWav.error.code).toBe("transport/invalid-wav");
    const eightBit = encodeWav(Int16Array.from([1, 2]), 8000);
    new DataView(eightBit.buffer).setUint16(34, 8, true);
    const parsed = parseWav(eightBit);
    expect(!parsed.ok && parsed.error.message).toContain("sox");
  });
});

import { describe, expect, it } from "vitest";
import { alignSamples, parseWav, pcmToWav } from "./pcm";

async function collect(source: AsyncIterable<Uint8Array>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const chunk of source) out.push([...chunk]);
  return out;
}

async function* of(...chunks: number[][]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield new Uint8Array(chunk);
}

describe("pcm helpers", () => {
  it("writes a WAV header that parseWav reads back", () => {
    const wav = pcmToWav(new Uint8Array([1, 2, 3, 4]), 24_000);
    expect(wav.byteLength).toBe(48);
    expect(parseWav(wav)).toEqual({ sampleRate: 24_000, channels: 1, bitsPerSample: 16, data: new Uint8Array([1, 2, 3, 4]) });
  });

  it("reads a streamed WAV whose data size was left unknown", () => {
    const wav = pcmToWav(new Uint8Array([5, 6, 7, 8]), 22_050);
    new DataView(wav.buffer).setUint32(40, 0x7ffff000, true);
    expect(parseWav(wav)?.data).toEqual(new Uint8Array([5, 6, 7, 8]));
  });

  it("returns null for bytes that are not WAV", () => {
    expect(parseWav(new Uint8Array(100))).toBeNull();
  });

  it("re-cuts chunks so that no 16-bit sample is split", async () => {
    expect(await collect(alignSamples(of([1, 2, 3], [4, 5], [6], [7, 8, 9])))).toEqual([[1, 2], [3, 4], [5, 6], [7, 8]]);
  });
});

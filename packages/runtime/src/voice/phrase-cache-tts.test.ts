import { describe, expect, it } from "vitest";
import { cacheablePhrases, createPhraseCacheTts, isPhraseCacheTts } from "./phrase-cache-tts";
import { createToneTts } from "./testing/tone-tts";
import { CHAT_FLOW, compile } from "./testing/voice-rig";

async function timeToFirstChunk(iterable: AsyncIterable<Int16Array>): Promise<{ ms: number; samples: number }> {
  const started = performance.now();
  let first: number | undefined;
  let samples = 0;
  for await (const chunk of iterable) {
    first ??= performance.now() - started;
    samples += chunk.length;
  }
  return { ms: first ?? Infinity, samples };
}

describe("phrase cache", () => {
  it("lists the flow's fillers and the backchannels", () => {
    expect(cacheablePhrases(compile(CHAT_FLOW))).toEqual(expect.arrayContaining(["One moment.", "Let me see.", "mm-hmm"]));
  });

  it("speaks a warmed filler without the synthesiser's latency, and other text through it", async () => {
    const tone = createToneTts({ firstByteMs: 150 });
    const tts = createPhraseCacheTts(tone, ["One moment."]);
    await tts.warm();
    expect(tts.cached).toBe(1);
    const filler = await timeToFirstChunk(tts.synthesize("One moment."));
    expect(filler.ms).toBeLessThan(50);
    expect(filler.samples).toBe(Math.round("One moment.".length * 60 * 24));
    const other = await timeToFirstChunk(tts.synthesize("Something else."));
    expect(other.ms).toBeGreaterThanOrEqual(140);
    expect(tts.hits).toBe(1);
    expect(tone.calls.map((c) => c.text)).toEqual(["One moment.", "Something else."]);
  });
});

describe("phrase cache detection", () => {
  it("tells a caching port from a plain one", () => {
    const tone = createToneTts();
    expect(isPhraseCacheTts(tone)).toBe(false);
    expect(isPhraseCacheTts(createPhraseCacheTts(tone, []))).toBe(true);
  });
});

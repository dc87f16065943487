import { describe, expect, it } from "vitest";
import { createSileroVad, type VadPort, type VadResult } from "../vad";
import { createDeferredVad } from "./deferred-vad";

describe("deferred VAD", () => {
  it("holds frames until the detector has loaded, then runs them in order", async () => {
    const seen: number[] = [];
    let release!: () => void;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    const fake: VadPort = {
      name: "fake",
      async process(frame): Promise<VadResult> {
        seen.push(frame[0]!);
        return { probability: frame[0]! / 10, speaking: false, events: [] };
      },
      reset: () => undefined,
      close: async () => undefined,
    };
    const vad = createDeferredVad("fake", async () => {
      await loaded;
      return fake;
    });
    const results = [1, 2, 3].map((n) => vad.process(Int16Array.of(n)));
    expect(seen).toEqual([]);
    release();
    expect((await Promise.all(results)).map((r) => r.probability)).toEqual([0.1, 0.2, 0.3]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it("reports a detector that failed to load on the first frame", async () => {
    const vad = createDeferredVad("broken", () => Promise.reject(new Error("no model")));
    await expect(vad.process(new Int16Array(320))).rejects.toThrow("no model");
    await vad.close();
  });

  it("runs the real Silero model once it is loaded", async () => {
    const vad = createDeferredVad("silero", () => createSileroVad());
    const result = await vad.process(new Int16Array(1024));
    expect(result.speaking).toBe(false);
    expect(result.probability).toBeLessThan(0.5);
    await vad.close();
  });
});

import { describe, expect, it } from "vitest";
import { createManualClock } from "../clock";
import { createAudioPacer, type PlaybackReport } from "./audio-pacer";

const RATE = 24_000;
const ms = (n: number) => new Int16Array((RATE * n) / 1000).fill(1000);

function setup(options: { chunkMs?: number; leadMs?: number } = {}) {
  const clock = createManualClock();
  const sent: { at: number; samples: number }[] = [];
  let accept = true;
  const pacer = createAudioPacer({
    clock,
    sampleRate: RATE,
    ...options,
    send: (chunk) => {
      if (accept) sent.push({ at: clock.now(), samples: chunk.length });
      return accept;
    },
  });
  const sentMs = () => (sent.reduce((sum, c) => sum + c.samples, 0) * 1000) / RATE;
  return { clock, pacer, sent, sentMs, refuse: () => (accept = false) };
}

describe("audio pacer", () => {
  it("sends 20 ms chunks, a ~100 ms lead at once, then in real time", () => {
    const { clock, pacer, sent, sentMs } = setup();
    void pacer.enqueue(ms(1000));
    expect(sent.every((c) => c.samples === 480)).toBe(true);
    expect(sentMs()).toBe(120); // the lead plus the chunk that crosses it
    clock.advance(500);
    expect(sentMs()).toBe(620);
    clock.advance(500);
    expect(sentMs()).toBe(1000);
  });

  it("honours another chunk length and lead", () => {
    const { pacer, sent, sentMs } = setup({ chunkMs: 40, leadMs: 200 });
    void pacer.enqueue(ms(1000));
    expect(sent[0]?.samples).toBe(960);
    expect(sentMs()).toBe(240);
  });

  it("resolves a segment when it has played out, not when it was sent", async () => {
    const { clock, pacer } = setup();
    let report: PlaybackReport | undefined;
    void pacer.enqueue(ms(200)).then((r) => (report = r));
    clock.advance(199);
    await Promise.resolve();
    expect(report).toBeUndefined();
    clock.advance(1);
    await Promise.resolve();
    expect(report).toEqual({ sentMs: 200, playedMs: 200, droppedMs: 0, interrupted: false });
    expect(pacer.busy).toBe(false);
  });

  it("keeps streamed segments back to back without a gap", () => {
    const { clock, pacer, sent } = setup();
    void pacer.enqueue(ms(100));
    clock.advance(50);
    void pacer.enqueue(ms(100));
    clock.advance(20);
    void pacer.enqueue(ms(300));
    clock.advance(1000);
    // Replay the client's player: each chunk must arrive before the previous one finished playing.
    let playsUntil = 0;
    for (const chunk of sent) {
      expect(chunk.at).toBeLessThanOrEqual(playsUntil === 0 ? 0 : playsUntil);
      playsUntil = Math.max(playsUntil, chunk.at) + (chunk.samples * 1000) / RATE;
    }
    expect(playsUntil).toBe(500);
  });

  it("stops at once on barge-in and reports what was heard, sent and dropped", async () => {
    const { clock, pacer, sent, sentMs } = setup();
    const first = pacer.enqueue(ms(1000));
    clock.advance(300);
    const before = sent.length;
    const report = pacer.stop();
    expect(report).toEqual({ playedMs: 300, sentMs: 420, droppedMs: 580, interrupted: true });
    clock.advance(1000);
    expect(sent.length).toBe(before);
    expect(sentMs()).toBe(420);
    await expect(first).resolves.toMatchObject({ interrupted: true, sentMs: 420, droppedMs: 580 });
  });

  it("starts a new utterance from zero after a stop", () => {
    const { clock, pacer } = setup();
    void pacer.enqueue(ms(500));
    clock.advance(200);
    pacer.stop();
    clock.advance(1000);
    void pacer.enqueue(ms(500));
    clock.advance(100);
    expect(pacer.stop()).toEqual({ playedMs: 100, sentMs: 220, droppedMs: 280, interrupted: true });
  });

  it("gives up when the sink refuses a chunk", async () => {
    const { pacer, refuse } = setup();
    refuse();
    await expect(pacer.enqueue(ms(100))).resolves.toMatchObject({ sentMs: 0, interrupted: true });
    await expect(pacer.enqueue(ms(100))).resolves.toMatchObject({ sentMs: 0, droppedMs: 100 });
  });
});

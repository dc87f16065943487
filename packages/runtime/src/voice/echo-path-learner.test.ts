import { describe, expect, it } from "vitest";
import { createEchoPathLearner } from "./echo-path-learner";

/** An irregular sent envelope (10 ms blocks): syllable-like bumps with gaps. */
function sentEnvelope(blocks: number): number[] {
  return Array.from({ length: blocks }, (_, b) => Math.max(0, Math.sin(b * 0.45) * (0.6 + 0.4 * Math.sin(b * 0.13))) * 0.1);
}

function learnerFor(sent: number[], mic: (b: number) => number) {
  const learner = createEchoPathLearner({ minDelay: 0, maxDelay: 6, evidence: 150, quickWindow: 20, quickCorrelation: 0.95, window: 60, correlation: 0.85 });
  const feed = (from: number, to: number) => {
    for (let b = from; b < to; b++) {
      learner.observe(mic(b), (d) => {
        const level = sent[b - d] ?? 0;
        return level > 0.008 ? level : undefined;
      });
      if (b % 5 === 0) learner.learn();
    }
  };
  return { learner, feed };
}

describe("echo path learner", () => {
  const sent = sentEnvelope(400);
  const echo = (b: number) => 0.3 * (sent[b - 3] ?? 0) + 0.001; // 30 ms, gain 0.3, over a little noise

  it("has no bound for a delay it has no evidence about", () => {
    const { learner } = learnerFor(sent, echo);
    expect(learner.bound(3)).toEqual({ gain: undefined, pairs: 0 });
  });

  it("bounds the true delay's gain near the echo's, and rules out delays where loud bot audio met a quiet microphone", () => {
    const { learner, feed } = learnerFor(sent, echo);
    feed(0, 60);
    expect(learner.bound(3).gain).toBeGreaterThan(0.29);
    expect(learner.bound(3).gain).toBeLessThan(0.33);
    for (const d of [0, 6]) expect(learner.bound(d).gain).toBeLessThan(0.1);
  });

  it("keeps the bound low while a caller is in a few of the blocks", () => {
    const { learner, feed } = learnerFor(sent, (b) => echo(b) + (b % 10 === 0 ? 0.2 : 0));
    feed(0, 200);
    expect(learner.bound(3).gain).toBeLessThan(0.33);
  });

  it("learns the delay and gain from 200 ms of audible echo", () => {
    const { learner, feed } = learnerFor(sent, echo);
    let b = 0;
    while (learner.bound(3).pairs < 20) feed(b, ++b);
    feed(b, b + 5); // the next re-check
    expect(learner.path).toEqual({ blocks: 3, gain: expect.closeTo(0.3, 1) });
  });

  it("learns nothing from a microphone that rises and falls with the bot but not in proportion to it", () => {
    const { learner, feed } = learnerFor(sent, (b) => 0.3 * (sent[b - 3] ?? 0) + 0.02);
    feed(0, 200);
    expect(learner.path).toBeNull();
  });

  it("raises the learnt gain as soon as the echo at the learnt delay grows louder", () => {
    const { learner, feed } = learnerFor(sent, (b) => (b < 100 ? 1 : 3) * echo(b));
    feed(0, 100);
    expect(learner.path?.gain).toBeCloseTo(0.3, 1);
    const pairs = learner.bound(3).pairs;
    let b = 100;
    while (learner.bound(3).pairs < pairs + 10) {
      feed(b, ++b);
      learner.follow();
    }
    expect(learner.path?.gain).toBeCloseTo(0.9, 1);
  });
});

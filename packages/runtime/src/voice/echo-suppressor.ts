import { z } from "zod";
import { rms } from "../audio";
import { createEchoPathLearner } from "./echo-path-learner";

const BLOCK_MS = 10;
/** How often (in blocks) bot audio that can no longer echo is dropped. */
const PRUNE_BLOCKS = 5;

export const EchoSuppressorSchema = z.object({
  /** Longest speaker → microphone delay looked for, after the modelled playout time. */
  maxDelayMs: z.number().int().min(0).default(400),
  /** The playout model may run late by up to this much (client buffering differs). */
  minDelayMs: z.number().int().max(0).default(-60),
  /** Before the echo path is learnt: the echo is taken to be at most this loud relative to what was sent. */
  maxGain: z.number().positive().default(1),
  /** Microphone audio this much louder than the predicted echo is the caller. */
  marginDb: z.number().min(0).default(6),
  /** Envelope correlation over the learning window that counts as "only echo" (to learn delay and gain). */
  learnCorrelation: z.number().min(0).max(1).default(0.85),
  /** Learning window. */
  learnWindowMs: z.number().int().min(100).default(600),
  /** A shorter first learning window, so the path is known sooner; it needs a stricter correlation. */
  quickLearnMs: z.number().int().min(50).default(200),
  quickLearnCorrelation: z.number().min(0).max(1).default(0.95),
  /** Audible bot audio remembered per candidate delay (kept across turns) for learning and the gain bounds. */
  evidenceMs: z.number().int().min(100).default(1500),
  /** RMS (full scale 1) below which audio counts as quiet whatever the bot does (about -54 dBFS). */
  quietRms: z.number().min(0).default(0.002),
});
export type EchoSuppressorOptions = z.input<typeof EchoSuppressorSchema>;

/** The learnt echo path: delay after the modelled playout time, and level ratio microphone/sent. */
export interface EchoPath {
  delayMs: number;
  gain: number;
}

/**
 * Tells microphone audio that is only the bot's own voice coming back (speaker to microphone)
 * from audio that carries the caller, so full duplex can listen while it speaks. It works on
 * loudness envelopes (10 ms blocks), which survive resampling, codecs and room colour:
 * - bot audio is recorded at the time it plays (modelled like the transport's pacer: back to back
 *   from when it is queued), and cut when the transport stops it;
 * - each microphone block is evidence about the echo path at every candidate delay
 *   (echo-path-learner.ts): it bounds the echo's gain at each delay from the first audible block
 *   on (a caller only adds to the echo, so a low quantile of microphone/sent is a bound even while
 *   they talk), and once the microphone follows the bot's envelope closely and in proportion at
 *   one delay (200 ms at correlation 0.95, or 600 ms at 0.85), that delay and its gain are the
 *   learnt path (typically about 200 ms after the echo starts). The path is re-checked every
 *   50 ms, its gain follows a louder echo at once, and it is kept across the call's turns;
 * - each microphone frame loses the predicted echo's share of its energy (the frame is scaled to
 *   what is left): echo alone comes out near silent, a caller speaking over the bot is louder than
 *   the echo and still heard. Once the path is learnt the prediction is its echo, `marginDb` up.
 *   Before, it is the loudest echo any delay's gain bound allows, `marginDb` up and at most
 *   `maxGain` of what was sent (see predict()): a delay the microphone has already ruled out no
 *   longer counts, so a caller is heard before the path is learnt once they are louder than the
 *   echo could be, and even if it cannot be learnt while they talk over the bot.
 * A digitally silent microphone (muted, starting, dropping out) teaches it nothing.
 * Microphone times come from the audio itself (anchored on the earliest arrivals), not from the
 * jittery arrival time of each frame.
 */
export function createEchoSuppressor(options: EchoSuppressorOptions = {}) {
  const o = EchoSuppressorSchema.parse(options);
  const minDelay = Math.floor(o.minDelayMs / BLOCK_MS);
  const maxDelay = Math.ceil(o.maxDelayMs / BLOCK_MS);
  const margin = 10 ** (o.marginDb / 20);
  const quickWindow = Math.round(o.quickLearnMs / BLOCK_MS);
  const learner = createEchoPathLearner({
    minDelay,
    maxDelay,
    evidence: Math.round(o.evidenceMs / BLOCK_MS),
    quickWindow,
    quickCorrelation: o.quickLearnCorrelation,
    window: Math.round(o.learnWindowMs / BLOCK_MS),
    correlation: o.learnCorrelation,
  });
  const audibleRms = o.quietRms * 4;
  const silentRms = o.quietRms / 20;
  const reference = new Map<number, number>();
  let playoutEndsAt = -Infinity;
  let offset: number | undefined;
  let receivedMs = 0;
  let lastLearn = -Infinity;
  let lastPrune = -Infinity;

  const levels = (pcm: Int16Array, sampleRate: number): number[] => {
    const size = (sampleRate * BLOCK_MS) / 1000;
    const out: number[] = [];
    for (let i = 0; i + size / 2 <= pcm.length; i += size) out.push(rms(pcm.subarray(i, Math.min(pcm.length, i + size))));
    return out;
  };

  function refMax(from: number, to: number): number {
    let best = 0;
    for (let b = from; b <= to; b++) best = Math.max(best, reference.get(b) ?? 0);
    return best;
  }

  /** The loudest echo microphone block `b` can hold, `marginDb` up. */
  function predict(b: number): number {
    const path = learner.path;
    if (path) return margin * path.gain * refMax(b - path.blocks - 1, b - path.blocks + 1);
    let predicted = 0;
    for (let d = minDelay; d <= maxDelay; d++) {
      const sent = refMax(b - d - 1, b - d + 1);
      if (sent === 0) continue;
      const { gain = o.maxGain, pairs } = learner.bound(d);
      // With a learning window's evidence, `maxGain` caps the whole prediction: a caller louder
      // than the bot is heard even while they keep every bound high. Before that the echo may just
      // have started (and a room can make it louder than `maxGain`): it caps only the bound.
      predicted = Math.max(predicted, sent * (pairs < quickWindow ? margin * Math.min(o.maxGain, gain) : Math.min(o.maxGain, margin * gain)));
    }
    return predicted;
  }

  return {
    /** Records bot audio (24 kHz) handed to the transport at `at`; it plays after what is already queued. */
    addReference(pcm24k: Int16Array, at: number): void {
      const startsAt = Math.max(at, playoutEndsAt);
      playoutEndsAt = startsAt + (pcm24k.length * 1000) / 24000;
      const first = Math.round(startsAt / BLOCK_MS);
      levels(pcm24k, 24000).forEach((level, i) => reference.set(first + i, Math.max(level, reference.get(first + i) ?? 0)));
    },
    /** The transport stopped the bot's audio at `at`; `tailMs` of what was sent still plays. */
    stopped(at: number, tailMs: number): void {
      const endsAt = Math.min(playoutEndsAt, at + tailMs);
      playoutEndsAt = endsAt;
      const last = Math.round(endsAt / BLOCK_MS);
      for (const key of reference.keys()) if (key > last) reference.delete(key);
    },
    /**
     * Takes one microphone frame (16 kHz, arrived at `at`) and returns it with the predicted echo
     * taken out of its loudness: unchanged while the bot is silent, nearly silent when it is only
     * echo (`echo: true`), scaled to the caller's share of its energy when both speak.
     */
    process(pcm16k: Int16Array, at: number): { pcm: Int16Array; echo: boolean } {
      const frameMs = (pcm16k.length * 1000) / 16000;
      // The frame's audio ended no later than it arrived: the earliest arrival anchors the clock.
      const anchor = at - receivedMs - frameMs;
      if (offset === undefined || anchor < offset || anchor - offset > 500) offset = anchor;
      const startsAt = offset + receivedMs;
      receivedMs += frameMs;
      const blockLevels = levels(pcm16k, 16000);
      const first = Math.round(startsAt / BLOCK_MS);
      const last = first + blockLevels.length - 1;
      if (first - lastPrune >= PRUNE_BLOCKS || first < lastPrune) {
        // Bot audio older than the longest delay is never read again; dropped every 50 ms, not every frame.
        lastPrune = first;
        for (const key of reference.keys()) if (key < first - maxDelay - 2) reference.delete(key);
      }
      const unchanged = { pcm: pcm16k, echo: false };
      if (refMax(first - maxDelay - 2, last - minDelay + 2) <= o.quietRms) return unchanged; // the bot is silent
      // Predict from what was known before this frame, then learn from it.
      let predicted = 0;
      for (let b = first; b <= last; b++) predicted = Math.max(predicted, predict(b));
      blockLevels.forEach((level, i) => {
        if (level < silentRms) return; // a muted, starting or dropped-out microphone says nothing about the echo
        learner.observe(level, (d) => {
          const sent = reference.get(first + i - d) ?? 0;
          return sent > audibleRms ? sent : undefined;
        });
      });
      if (last - lastLearn >= 5 || last < lastLearn) {
        lastLearn = last;
        learner.learn();
      } else learner.follow();
      const level = rms(pcm16k);
      if (level <= o.quietRms || predicted === 0) return unchanged;
      const residual = Math.sqrt(Math.max(0, level * level - predicted * predicted));
      const echo = residual <= o.quietRms;
      const scale = echo ? 0.01 : residual / level;
      const out = new Int16Array(pcm16k.length);
      for (let i = 0; i < out.length; i++) out[i] = Math.round((pcm16k[i] as number) * scale);
      return { pcm: out, echo };
    },
    /** The learnt echo path, once the microphone has carried clean echo for a while. */
    get path(): EchoPath | null {
      const path = learner.path;
      return path ? { delayMs: path.blocks * BLOCK_MS, gain: path.gain } : null;
    },
  };
}
export type EchoSuppressor = ReturnType<typeof createEchoSuppressor>;

import { z } from "zod";
import { rms } from "../audio";

const BLOCK_MS = 10;

export const EchoSuppressorSchema = z.object({
  /** Longest speaker → microphone delay looked for, after the modelled playout time. */
  maxDelayMs: z.number().int().min(0).default(400),
  /** The playout model may run late by up to this much (client buffering differs). */
  minDelayMs: z.number().int().max(0).default(-60),
  /** Before the echo path is learnt: the echo is taken to be at most this loud relative to what was sent. */
  maxGain: z.number().positive().default(1),
  /** Once learnt: microphone audio this much louder than the predicted echo is the caller. */
  marginDb: z.number().min(0).default(6),
  /** Envelope correlation over the learning window that counts as "only echo" (to learn delay and gain). */
  learnCorrelation: z.number().min(0).max(1).default(0.85),
  /** Learning window. */
  learnWindowMs: z.number().int().min(100).default(600),
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
 * - while the microphone follows the bot's envelope closely (correlation over 600 ms), it learns
 *   the echo path's delay and gain;
 * - each microphone frame loses the predicted echo's share of its energy (the frame is scaled to
 *   what is left): echo alone comes out near silent, a caller speaking over the bot is louder than
 *   the echo and still heard. Before the path is learnt the prediction is conservative (the
 *   loudest bot audio in the delay range at `maxGain`), so barge-in needs the path learnt.
 * Microphone times come from the audio itself (anchored on the earliest arrivals), not from the
 * jittery arrival time of each frame.
 */
export function createEchoSuppressor(options: EchoSuppressorOptions = {}) {
  const o = EchoSuppressorSchema.parse(options);
  const minDelay = Math.floor(o.minDelayMs / BLOCK_MS);
  const maxDelay = Math.ceil(o.maxDelayMs / BLOCK_MS);
  const window = Math.round(o.learnWindowMs / BLOCK_MS);
  const margin = 10 ** (o.marginDb / 20);
  const reference = new Map<number, number>();
  const mic = new Map<number, number>();
  let playoutEndsAt = -Infinity;
  let offset: number | undefined;
  let receivedMs = 0;
  let path: (EchoPath & { blocks: number }) | null = null;
  let lastLearn = -Infinity;

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

  function learn(end: number): void {
    const m: number[] = [];
    for (let b = end - window + 1; b <= end; b++) m.push(mic.get(b) ?? 0);
    let best = { c: 0, d: 0 };
    for (let d = minDelay; d <= maxDelay; d++) {
      const r: number[] = [];
      let active = 0;
      for (let b = end - window + 1; b <= end; b++) {
        const level = reference.get(b - d) ?? 0;
        if (level > o.quietRms) active++;
        r.push(level);
      }
      if (active < window * 0.8) continue; // edges (the bot starting or stopping) say little about the delay
      const c = pearson(m, r);
      if (c > best.c) best = { c, d };
    }
    if (best.c < o.learnCorrelation) return;
    const ratios: number[] = [];
    for (let b = end - window + 1; b <= end; b++) {
      const level = reference.get(b - best.d) ?? 0;
      if (level > o.quietRms * 4) ratios.push((mic.get(b) ?? 0) / level);
    }
    if (ratios.length < window / 4) return;
    ratios.sort((a, b) => a - b);
    path = { blocks: best.d, delayMs: best.d * BLOCK_MS, gain: ratios[Math.floor(ratios.length / 2)] ?? 0 };
  }

  function forget(before: number): void {
    for (const key of reference.keys()) if (key < before) reference.delete(key);
    for (const key of mic.keys()) if (key < before) mic.delete(key);
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
      blockLevels.forEach((level, i) => mic.set(first + i, Math.max(level, mic.get(first + i) ?? 0)));
      const last = first + blockLevels.length - 1;
      if (last - lastLearn >= 5 || last < lastLearn) {
        lastLearn = last;
        forget(last - maxDelay - window - 20);
        if (refMax(last - window - maxDelay, last - minDelay) > o.quietRms) learn(last);
      }
      const unchanged = { pcm: pcm16k, echo: false };
      if (refMax(first - maxDelay - 2, last - minDelay + 2) <= o.quietRms) return unchanged; // the bot is silent
      let predicted = 0;
      for (let b = first; b <= last; b++) {
        predicted = Math.max(predicted, path ? path.gain * refMax(b - path.blocks - 1, b - path.blocks + 1) * margin : o.maxGain * refMax(b - maxDelay, b - minDelay));
      }
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
      return path ? { delayMs: path.delayMs, gain: path.gain } : null;
    },
  };
}
export type EchoSuppressor = ReturnType<typeof createEchoSuppressor>;

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    const x = (a[i] as number) - ma;
    const y = (b[i] as number) - mb;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

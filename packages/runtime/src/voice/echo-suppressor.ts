import { rms } from "../audio";

const BLOCK_MS = 10;
const WINDOW_BLOCKS = 20; // compare 200 ms of envelope
const MAX_DELAY_BLOCKS = 40; // echo paths up to 400 ms
const HISTORY_BLOCKS = WINDOW_BLOCKS + MAX_DELAY_BLOCKS + 4;

export interface EchoSuppressorOptions {
  /** Envelope correlation above which the microphone is taken to carry only the bot's voice. */
  correlation?: number;
  /** The microphone may be at most this much louder than the bot's output and still be echo. */
  maxGain?: number;
}

/**
 * Tells whether microphone audio is the bot's own voice coming back (speaker to microphone).
 * It compares the loudness envelope of the microphone with the envelope of what the bot sent,
 * over a range of delays: echo follows the bot's envelope closely, a caller's voice does not.
 * Envelopes survive the resampling, compression and room colour that defeat sample correlation.
 */
export function createEchoSuppressor(options: EchoSuppressorOptions = {}) {
  const threshold = options.correlation ?? 0.8;
  const maxGain = options.maxGain ?? 1.5;
  /** Bot output loudness per 10 ms block, by block index since the epoch. */
  const reference = new Map<number, number>();
  const mic: number[] = [];
  let micBlock = -1;

  const blockOf = (at: number) => Math.floor(at / BLOCK_MS);

  function envelope(pcm: Int16Array, sampleRate: number): number[] {
    const size = (sampleRate * BLOCK_MS) / 1000;
    const out: number[] = [];
    for (let i = 0; i + size <= pcm.length; i += size) out.push(rms(pcm.subarray(i, i + size)));
    return out;
  }

  function pearson(a: number[], b: number[]): number {
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

  return {
    /** Records bot audio (24 kHz) at the time it starts playing. */
    addReference(pcm24k: Int16Array, at: number) {
      const start = blockOf(at);
      envelope(pcm24k, 24000).forEach((level, i) => reference.set(start + i, level));
      for (const key of reference.keys()) if (key < start - HISTORY_BLOCKS * 4) reference.delete(key);
    },
    /** Whether this microphone frame (16 kHz, received at `at`) is only the bot's echo. */
    isEcho(pcm16k: Int16Array, at: number): boolean {
      const levels = envelope(pcm16k, 16000);
      const first = blockOf(at) - levels.length + 1;
      levels.forEach((level, i) => {
        const block = first + i;
        if (block > micBlock) {
          mic.push(level);
          micBlock = block;
        }
      });
      while (mic.length > WINDOW_BLOCKS) mic.shift();
      if (mic.length < WINDOW_BLOCKS) return false;
      const micLevel = Math.max(...mic);
      if (micLevel < 30) return false; // silence: nothing to suppress
      let best = 0;
      let bestLevel = 0;
      for (let delay = 0; delay <= MAX_DELAY_BLOCKS; delay++) {
        const ref: number[] = [];
        for (let i = 0; i < WINDOW_BLOCKS; i++) ref.push(reference.get(micBlock - WINDOW_BLOCKS + 1 + i - delay) ?? 0);
        const level = Math.max(...ref);
        if (level === 0) continue;
        const c = pearson(mic, ref);
        if (c > best) {
          best = c;
          bestLevel = level;
        }
      }
      return best >= threshold && micLevel <= bestLevel * maxGain;
    },
  };
}
export type EchoSuppressor = ReturnType<typeof createEchoSuppressor>;

/**
 * What the microphone has shown so far about the speaker → microphone echo path, with one
 * hypothesis per candidate delay (in 10 ms blocks). For each delay it keeps the latest blocks in
 * which the bot's audio at that delay was clearly audible, as (microphone level, sent level) pairs,
 * across turns. From them:
 * - a gain bound per delay: a low quantile of microphone/sent. Anything else the microphone hears
 *   (caller, noise) only adds to the echo, so if the delay is right the echo's gain is at most
 *   about this. A wrong delay gets a small bound as soon as the bot's loud syllables meet quiet
 *   microphone blocks. A caller talking raises the bounds (the safe direction); the low quantile
 *   ignores them while they are a small part of the evidence;
 * - the learnt path: the delay at which the microphone follows the sent envelope closely (Pearson
 *   correlation) and in proportion (the ratios agree), over a short window at a strict threshold
 *   or a longer one at a looser threshold. Re-checked every time `learn()` runs, and replaced by
 *   a better fit, so it follows drift. Its gain is the loudest of the latest passing windows at
 *   that delay, so an echo whose level wanders (AGC, the client's own echo canceller) is covered.
 */
export interface EchoPathLearnerOptions {
  /** Candidate delays, in blocks. */
  minDelay: number;
  maxDelay: number;
  /** Pairs kept per delay. */
  evidence: number;
  /** Short and long learning windows (pairs) and the correlation each needs. */
  quickWindow: number;
  quickCorrelation: number;
  window: number;
  correlation: number;
}

export interface LearntPath {
  /** Delay in blocks. */
  blocks: number;
  gain: number;
}

/** Quantile of microphone/sent taken as a delay's gain bound (below 1 / evidence: the smallest). */
const BOUND_QUANTILE = 0.05;
/** In a window that passes, the 80th percentile of microphone/sent is at most this times the 20th. */
const MAX_SPREAD = 1.3;
/** The learnt gain is the loudest of this many latest passing windows at the learnt delay. */
const GAIN_CHECKS = 30;

/** Pairs at the learnt delay that can raise its gain between re-checks, and the correlation they need. */
const RISE_WINDOW = 10;
const RISE_CORRELATION = 0.98;

interface Hypothesis {
  /** Pairs in arrival order (a ring): microphone level, sent level. */
  mic: Float64Array;
  sent: Float64Array;
  /** microphone/sent of the same pairs, sorted. */
  ratios: Float64Array;
  count: number;
  next: number;
}

export function createEchoPathLearner(o: EchoPathLearnerOptions) {
  const size = o.evidence;
  const hypotheses: Hypothesis[] = [];
  for (let d = o.minDelay; d <= o.maxDelay; d++) {
    hypotheses.push({ mic: new Float64Array(size), sent: new Float64Array(size), ratios: new Float64Array(size), count: 0, next: 0 });
  }
  const at = (d: number) => hypotheses[d - o.minDelay] as Hypothesis;
  let path: LearntPath | null = null;
  let gains: number[] = [];

  function add(h: Hypothesis, mic: number, sent: number): void {
    if (h.count === size) {
      removeSorted(h.ratios, h.count, (h.mic[h.next] as number) / (h.sent[h.next] as number));
      h.count--;
    }
    insertSorted(h.ratios, h.count, mic / sent);
    h.count++;
    h.mic[h.next] = mic;
    h.sent[h.next] = sent;
    h.next = (h.next + 1) % size;
  }

  /** How well the last `n` pairs of a delay look like echo alone: correlation and median ratio, or null if they do not. */
  function fit(h: Hypothesis, n: number): { correlation: number; gain: number } | null {
    const mic: number[] = [];
    const sent: number[] = [];
    for (let i = n; i > 0; i--) {
      const j = (h.next - i + size) % size;
      mic.push(h.mic[j] as number);
      sent.push(h.sent[j] as number);
    }
    const ratios = mic.map((m, i) => m / (sent[i] as number)).sort((a, b) => a - b);
    // Echo is proportional to what was sent: the ratios agree, not just the ups and downs.
    if ((ratios[Math.floor(n * 0.8)] as number) > MAX_SPREAD * (ratios[Math.floor(n * 0.2)] as number)) return null;
    return { correlation: pearson(mic, sent), gain: ratios[Math.floor(n / 2)] as number };
  }

  return {
    /** One microphone block: its level, and for each delay the sent level it would echo (undefined where that was not clearly audible). */
    observe(mic: number, sentAt: (delay: number) => number | undefined): void {
      for (let d = o.minDelay; d <= o.maxDelay; d++) {
        const sent = sentAt(d);
        if (sent !== undefined) add(at(d), mic, sent);
      }
    },
    /** Upper bound on the echo's gain if the delay is `d` blocks (undefined with no evidence yet), and how many pairs it rests on. */
    bound(d: number): { gain: number | undefined; pairs: number } {
      const h = at(d);
      return { gain: h.ratios[Math.floor(BOUND_QUANTILE * (h.count - 1))], pairs: h.count };
    },
    /** Re-checks the learnt path against the latest pairs; the delay that fits best now replaces it. */
    learn(): void {
      let best: (LearntPath & { score: number }) | null = null;
      for (let d = o.minDelay; d <= o.maxDelay; d++) {
        const h = at(d);
        for (const [window, needed] of [[o.quickWindow, o.quickCorrelation], [o.window, o.correlation]] as const) {
          if (h.count < window) continue;
          const f = fit(h, window);
          if (!f || f.correlation < needed || (best && f.correlation - needed <= best.score)) continue;
          best = { blocks: d, gain: f.gain, score: f.correlation - needed };
        }
      }
      if (!best) return;
      if (!path || Math.abs(best.blocks - path.blocks) > 1) gains = [];
      gains = [...gains.slice(1 - GAIN_CHECKS), best.gain];
      path = { blocks: best.blocks, gain: Math.max(...gains) };
    },
    /**
     * Between re-checks: if the echo at the learnt delay has just grown louder (its last few pairs
     * agree on a higher gain), the gain follows at once, so the louder echo is not taken for a caller.
     */
    follow(): void {
      if (!path) return;
      const h = at(path.blocks);
      if (h.count < RISE_WINDOW) return;
      const f = fit(h, RISE_WINDOW);
      if (f && f.correlation >= RISE_CORRELATION && f.gain > path.gain) {
        gains.push(f.gain);
        path = { ...path, gain: f.gain };
      }
    },
    get path(): LearntPath | null {
      return path;
    },
  };
}
export type EchoPathLearner = ReturnType<typeof createEchoPathLearner>;

function insertSorted(a: Float64Array, n: number, value: number): void {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  a.copyWithin(lo + 1, lo, n);
  a[lo] = value;
}

function removeSorted(a: Float64Array, n: number, value: number): void {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  a.copyWithin(lo, lo + 1, n);
}

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

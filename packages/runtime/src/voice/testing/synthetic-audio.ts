/**
 * Test audio at 16 kHz that an energy VAD treats like a caller: speech-like bursts (a voiced
 * buzz with a syllable envelope) and quiet room noise between them (so the VAD keeps a floor).
 */
const RATE = 16000;

/** A repeatable pseudo-random sequence in [0, 1] (xorshift32), so synthetic audio is the same every run. */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0xffffffff;
  };
}

/** The same sequence in [-1, 1]. */
function random(seed: number) {
  const uniform = seededUniform(seed);
  return () => uniform() * 2 - 1;
}

/** Room noise: about -65 dBFS, below any energy VAD's speech level. */
export function roomNoise16k(ms: number, seed = 7): Int16Array {
  const next = random(seed);
  const out = new Int16Array(Math.round((ms * RATE) / 1000));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(next() * 30);
  return out;
}

/** A caller's voice stand-in: 130 Hz buzz with overtones, five syllables a second, over room noise. */
export function callerSpeech16k(ms: number, options: { amplitude?: number; seed?: number } = {}): Int16Array {
  const amplitude = (options.amplitude ?? 0.3) * 32767;
  const out = roomNoise16k(ms, options.seed ?? 11);
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    const envelope = 0.3 + 0.7 * Math.abs(Math.sin(Math.PI * 5 * t + 0.4));
    const voice = 0.6 * Math.sin(2 * Math.PI * 130 * t) + 0.3 * Math.sin(2 * Math.PI * 260 * t) + 0.1 * Math.sin(2 * Math.PI * 390 * t);
    out[i] = Math.max(-32768, Math.min(32767, (out[i] ?? 0) + Math.round(amplitude * envelope * voice)));
  }
  return out;
}

/** Joins audio parts. */
export function joinAudio(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Signal levels of s16 PCM. dBFS is relative to a full-scale square wave (0 dBFS). */

export const SILENCE_DBFS = -100;

export function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = (samples[i] as number) / 32768;
    sum += s * s;
  }
  return Math.sqrt(sum / samples.length);
}

/** RMS in dBFS, floored at SILENCE_DBFS so digital silence stays finite. */
export function dbfs(samples: Int16Array): number {
  const r = rms(samples);
  return r <= 0 ? SILENCE_DBFS : Math.max(SILENCE_DBFS, 20 * Math.log10(r));
}

export function peak(samples: Int16Array): number {
  let max = 0;
  for (let i = 0; i < samples.length; i++) {
    const a = Math.abs(samples[i] as number);
    if (a > max) max = a;
  }
  return max / 32768;
}

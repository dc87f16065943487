/** Sample counts and milliseconds. Times are milliseconds unless a name says otherwise. */

export const INPUT_SAMPLE_RATE = 16000;
export const OUTPUT_SAMPLE_RATE = 24000;
export const FRAME_MS = 20;

export function samplesToMs(samples: number, sampleRate: number): number {
  return (samples * 1000) / sampleRate;
}

export function msToSamples(ms: number, sampleRate: number): number {
  return Math.round((ms * sampleRate) / 1000);
}

export function bytesToMs(byteLength: number, sampleRate: number, bytesPerSample = 2): number {
  return samplesToMs(byteLength / bytesPerSample, sampleRate);
}

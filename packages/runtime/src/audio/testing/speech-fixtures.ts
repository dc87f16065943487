import { spawn } from "node:child_process";
import type { Pcm } from "../wav";
import { createWavStreamDecoder } from "../wav-stream";
import { resample } from "../resampler";
import { INPUT_SAMPLE_RATE } from "../duration";
import { concatInt16 } from "../pcm";

/** Test support: espeak-ng speech as 16 kHz PCM, cached per text. */
const cache = new Map<string, Promise<Pcm>>();

export function speech16k(text: string, voice = "en-us"): Promise<Pcm> {
  const key = `${voice}\u0000${text}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = synthesizeWav(text, voice).then((pcm) => resample(pcm, INPUT_SAMPLE_RATE));
    cache.set(key, hit);
  }
  return hit;
}

function synthesizeWav(text: string, voice: string): Promise<Pcm> {
  return new Promise((resolve, reject) => {
    const child = spawn("espeak-ng", ["-v", voice, "--stdout", text], { stdio: ["ignore", "pipe", "pipe"] });
    const decoder = createWavStreamDecoder();
    const parts: Int16Array[] = [];
    child.stdout.on("data", (c: Buffer) => parts.push(decoder.push(c)));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 || decoder.sampleRate === undefined) return reject(new Error(`espeak-ng exited with ${code}`));
      resolve({ samples: concatInt16(parts), sampleRate: decoder.sampleRate });
    });
  });
}

/** Silence of the given length at 16 kHz (optionally with low noise so energy VADs see a floor). */
export function silence16k(ms: number, noiseAmplitude = 0): Int16Array {
  const n = Math.round((ms * INPUT_SAMPLE_RATE) / 1000);
  const out = new Int16Array(n);
  if (noiseAmplitude > 0) {
    let seed = 12345;
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      out[i] = Math.round(((seed / 0x7fffffff) * 2 - 1) * noiseAmplitude);
    }
  }
  return out;
}

/** Speech padded with silence before and after, as a VAD or STT would hear it. */
export async function paddedSpeech16k(text: string, beforeMs = 500, afterMs = 800, noise = 30): Promise<Pcm> {
  const speech = await speech16k(text);
  return {
    samples: concatInt16([silence16k(beforeMs, noise), speech.samples, silence16k(afterMs, noise)]),
    sampleRate: INPUT_SAMPLE_RATE,
  };
}

import libsamplerate from "@alexanderolsen/libsamplerate-js";
import type { Pcm } from "./wav";
import { float32ToInt16, int16ToFloat32 } from "./pcm";

/**
 * Streaming mono resampling with libsamplerate (WebAssembly build). Converters are pooled per
 * rate pair: creating one instantiates its own WASM module (~15 ms; each reserves ~50 MB of
 * WASM memory, of which ~1 MB is resident), resetting one is cheap. Hold one only while audio
 * flows (TTS takes one per phrase) so a few pooled converters serve many sessions.
 */
export type ResampleQuality = "best" | "medium" | "fast" | "linear";

export interface StreamResampler {
  readonly fromRate: number;
  readonly toRate: number;
  /** Resamples the next chunk; output lags input by the filter delay until flush(). */
  process(samples: Int16Array): Int16Array;
  /** Drains the filter so the total output matches the total input's duration. */
  flush(): Int16Array;
  /** Returns the converter to the pool; the resampler must not be used afterwards. */
  release(): void;
}

type Src = Awaited<ReturnType<typeof libsamplerate.create>>;

const CONVERTER: Record<ResampleQuality, 0 | 1 | 2 | 4> = { best: 0, medium: 1, fast: 2, linear: 4 };
const POOL_LIMIT = 16;
const pool = new Map<string, Src[]>();

async function acquire(fromRate: number, toRate: number, quality: ResampleQuality): Promise<Src> {
  const key = `${fromRate}:${toRate}:${quality}`;
  const free = pool.get(key)?.pop();
  if (free) {
    // Re-assigning the converter type re-initialises libsamplerate's state.
    free.converterType = free.converterType;
    return free;
  }
  return libsamplerate.create(1, fromRate, toRate, { converterType: CONVERTER[quality] });
}

function giveBack(src: Src, quality: ResampleQuality): void {
  const key = `${src.inputSampleRate}:${src.outputSampleRate}:${quality}`;
  const list = pool.get(key) ?? [];
  if (list.length >= POOL_LIMIT) {
    src.destroy();
    return;
  }
  list.push(src);
  pool.set(key, list);
}

export async function createResampler(
  fromRate: number,
  toRate: number,
  quality: ResampleQuality = "fast",
): Promise<StreamResampler> {
  if (fromRate === toRate) return identity(fromRate);
  const src = await acquire(fromRate, toRate, quality);
  const ratio = toRate / fromRate;
  let inTotal = 0;
  let outTotal = 0;
  let released = false;

  function run(samples: Int16Array): Int16Array {
    if (released) throw new Error("StreamResampler used after release()");
    if (samples.length === 0) return new Int16Array(0);
    const out = float32ToInt16(src.full(int16ToFloat32(samples)));
    outTotal += out.length;
    return out;
  }

  return {
    fromRate,
    toRate,
    process(samples) {
      inTotal += samples.length;
      return run(samples);
    },
    flush() {
      const expected = Math.round(inTotal * ratio);
      const parts: Int16Array[] = [];
      // Feed silence until the filter has released every real sample, then trim the excess.
      for (let i = 0; i < 8 && outTotal < expected; i++) parts.push(run(new Int16Array(256)));
      let missing = expected - (outTotal - parts.reduce((n, p) => n + p.length, 0));
      const tail = new Int16Array(Math.max(0, missing));
      let offset = 0;
      for (const p of parts) {
        if (missing <= 0) break;
        const take = Math.min(p.length, missing);
        tail.set(p.subarray(0, take), offset);
        offset += take;
        missing -= take;
      }
      outTotal = expected;
      return tail;
    },
    release() {
      if (released) return;
      released = true;
      giveBack(src, quality);
    },
  };
}

function identity(rate: number): StreamResampler {
  return {
    fromRate: rate,
    toRate: rate,
    process: (samples) => samples,
    flush: () => new Int16Array(0),
    release: () => undefined,
  };
}

/** Resamples a whole clip (output length = input duration at the new rate). */
export async function resample(pcm: Pcm, toRate: number, quality: ResampleQuality = "medium"): Promise<Pcm> {
  if (pcm.sampleRate === toRate) return pcm;
  const r = await createResampler(pcm.sampleRate, toRate, quality);
  try {
    const body = r.process(pcm.samples);
    const tail = r.flush();
    const out = new Int16Array(body.length + tail.length);
    out.set(body);
    out.set(tail, body.length);
    return { samples: out, sampleRate: toRate };
  } finally {
    r.release();
  }
}

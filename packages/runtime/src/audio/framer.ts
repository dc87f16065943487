import { FRAME_MS, msToSamples } from "./duration";

/**
 * Cuts a stream of PCM chunks of any size into fixed frames (20 ms by default), keeping the
 * remainder for the next push. Frames are fresh arrays, safe to hand to other stages.
 */
export interface Framer {
  readonly frameSamples: number;
  push(chunk: Int16Array): Int16Array[];
  /** The remainder padded with silence to a whole frame, or nothing when empty. */
  flush(): Int16Array | undefined;
  /** Samples waiting for a whole frame. */
  readonly pending: number;
  reset(): void;
}

export function createFramer(sampleRate: number, frameMs = FRAME_MS): Framer {
  const frameSamples = msToSamples(frameMs, sampleRate);
  let buffer = new Int16Array(frameSamples);
  let filled = 0;

  return {
    frameSamples,
    get pending() {
      return filled;
    },
    push(chunk) {
      const frames: Int16Array[] = [];
      let offset = 0;
      while (offset < chunk.length) {
        const take = Math.min(frameSamples - filled, chunk.length - offset);
        buffer.set(chunk.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === frameSamples) {
          frames.push(buffer);
          buffer = new Int16Array(frameSamples);
          filled = 0;
        }
      }
      return frames;
    },
    flush() {
      if (filled === 0) return undefined;
      const frame = buffer; // already zero beyond `filled`
      buffer = new Int16Array(frameSamples);
      filled = 0;
      return frame;
    },
    reset() {
      buffer = new Int16Array(frameSamples);
      filled = 0;
    },
  };
}

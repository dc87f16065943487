/** Conversions between s16le bytes, Int16Array and float32 samples in [-1, 1]. */

/** Views s16le bytes as samples; copies only when the bytes are not 2-byte aligned. */
export function bytesToInt16(bytes: Uint8Array): Int16Array {
  const usable = bytes.byteLength - (bytes.byteLength % 2);
  if (bytes.byteOffset % 2 === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, usable / 2);
  const copy = new Uint8Array(usable);
  copy.set(bytes.subarray(0, usable));
  return new Int16Array(copy.buffer);
}

/** The samples' bytes (s16le on every platform Node runs on here), without copying. */
export function int16ToBytes(samples: Int16Array): Uint8Array {
  return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
}

export function int16ToFloat32(samples: Int16Array, out?: Float32Array): Float32Array {
  const result = out ?? new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) result[i] = (samples[i] as number) / 32768;
  return result;
}

export function float32ToInt16(samples: Float32Array, out?: Int16Array): Int16Array {
  const result = out ?? new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] as number;
    // Same scale as int16ToFloat32 (lossless round trip), clipped to the int16 range.
    const v = Math.round(s * 32768);
    result[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
  }
  return result;
}

export function concatInt16(parts: readonly Int16Array[]): Int16Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Int16Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** 16-bit little-endian mono PCM helpers: WAV headers and sample-aligned chunking. */

export const SPEECH_SAMPLE_RATE = 24_000;

/** Wraps raw s16le mono PCM in a canonical 44-byte WAV header. */
export function pcmToWav(pcm: Uint8Array, sampleRate: number): Uint8Array {
  const header = new DataView(new ArrayBuffer(44));
  const ascii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) header.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, "RIFF");
  header.setUint32(4, 36 + pcm.byteLength, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true); // PCM
  header.setUint16(22, 1, true); // mono
  header.setUint32(24, sampleRate, true);
  header.setUint32(28, sampleRate * 2, true);
  header.setUint16(32, 2, true);
  header.setUint16(34, 16, true);
  ascii(36, "data");
  header.setUint32(40, pcm.byteLength, true);
  const wav = new Uint8Array(44 + pcm.byteLength);
  wav.set(new Uint8Array(header.buffer), 0);
  wav.set(pcm, 44);
  return wav;
}

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** The bytes of the `data` chunk. */
  data: Uint8Array;
}

/** Reads a RIFF/WAVE file's format and data chunks; null when the bytes are not a WAV file. */
export function parseWav(bytes: Uint8Array): WavInfo | null {
  const text = (offset: number): string => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 12 || text(0) !== "RIFF" || text(8) !== "WAVE") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let format: Omit<WavInfo, "data"> | undefined;
  while (offset + 8 <= bytes.byteLength) {
    const id = text(offset);
    let size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === "fmt ") {
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bitsPerSample: view.getUint16(body + 14, true) };
    } else if (id === "data" && format) {
      // Streamed WAVs (espeak-ng --stdout) leave the size at 0 or 0xFFFFFFFF: take the rest.
      if (size === 0 || body + size > bytes.byteLength) size = bytes.byteLength - body;
      return { ...format, data: bytes.subarray(body, body + size) };
    }
    offset = body + size + (size % 2);
  }
  return null;
}

/**
 * Re-cuts a byte stream into chunks holding whole 16-bit samples: network reads may split a
 * sample, and a consumer that decodes chunk by chunk would then shift every later sample.
 */
export async function* alignSamples(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let carry: Uint8Array | undefined;
  for await (const piece of source) {
    let bytes = piece;
    if (carry) {
      bytes = new Uint8Array(carry.byteLength + piece.byteLength);
      bytes.set(carry, 0);
      bytes.set(piece, carry.byteLength);
      carry = undefined;
    }
    const even = bytes.byteLength - (bytes.byteLength % 2);
    if (even < bytes.byteLength) carry = bytes.slice(even);
    if (even > 0) yield bytes.subarray(0, even);
  }
}

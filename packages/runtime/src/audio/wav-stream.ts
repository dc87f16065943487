import wavefile from "wavefile";
import { RuntimeError } from "../pipeline/errors";
import { bytesToInt16 } from "./pcm";

/**
 * Decodes a WAV byte stream as it arrives (e.g. `espeak-ng --stdout`, whose header declares an
 * unknown length). wavefile reads whole files only, so it validates the header here and the
 * PCM after it is passed through as it comes.
 */
export interface WavStreamDecoder {
  /** Returns the samples that became available (possibly none). */
  push(bytes: Uint8Array): Int16Array;
  /** Undefined until the header has been read. */
  readonly sampleRate: number | undefined;
}

const MAX_HEADER_BYTES = 4096;

export function createWavStreamDecoder(): WavStreamDecoder {
  let header: Uint8Array = new Uint8Array(0);
  let sampleRate: number | undefined;
  let carry: number | undefined; // a dangling odd byte between chunks

  function takeSamples(bytes: Uint8Array): Int16Array {
    let data = bytes;
    if (carry !== undefined) {
      const joined = new Uint8Array(bytes.length + 1);
      joined[0] = carry;
      joined.set(bytes, 1);
      data = joined;
      carry = undefined;
    }
    if (data.length % 2 === 1) {
      carry = data[data.length - 1];
      data = data.subarray(0, data.length - 1);
    }
    // Copy so callers may keep the samples after the stream's buffer is reused.
    return bytesToInt16(data.slice());
  }

  return {
    get sampleRate() {
      return sampleRate;
    },
    push(bytes) {
      if (sampleRate !== undefined) return takeSamples(bytes);
      const joined = new Uint8Array(header.length + bytes.length);
      joined.set(header);
      joined.set(bytes, header.length);
      header = joined;
      const dataAt = findDataChunk(header);
      if (dataAt === undefined) {
        if (header.length > MAX_HEADER_BYTES) {
          throw new RuntimeError("audio.invalid_wav", "WAV stream has no data chunk in its first 4 KiB");
        }
        return new Int16Array(0);
      }
      const wav = new wavefile.WaveFile();
      try {
        // Parse the header alone: a data chunk that declares no samples.
        const probe = header.slice(0, dataAt + 8);
        new DataView(probe.buffer).setUint32(dataAt + 4, 0, true);
        new DataView(probe.buffer).setUint32(4, probe.length - 8, true);
        wav.fromBuffer(probe, false);
      } catch (cause) {
        throw new RuntimeError("audio.invalid_wav", `Unreadable WAV header: ${(cause as Error).message}`, { cause });
      }
      const fmt = wav.fmt as { sampleRate: number; numChannels: number; bitsPerSample: number; audioFormat: number };
      if (fmt.numChannels !== 1 || fmt.bitsPerSample !== 16 || fmt.audioFormat !== 1) {
        throw new RuntimeError(
          "audio.invalid_format",
          `Expected mono 16-bit PCM WAV, got ${fmt.numChannels} channel(s), ${fmt.bitsPerSample}-bit, format ${fmt.audioFormat}`,
        );
      }
      sampleRate = fmt.sampleRate;
      const rest = header.subarray(dataAt + 8);
      header = new Uint8Array(0);
      return takeSamples(rest);
    },
  };
}

/** Offset of the "data" chunk's id, walking RIFF chunks from byte 12. */
function findDataChunk(bytes: Uint8Array): number | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = String.fromCharCode(bytes[offset] ?? 0, bytes[offset + 1] ?? 0, bytes[offset + 2] ?? 0, bytes[offset + 3] ?? 0);
    if (id === "data") return offset;
    const size = view.getUint32(offset + 4, true);
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

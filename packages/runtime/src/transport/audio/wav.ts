import { fail, ok, transportError, type Result } from "../errors";
import { copyBytes } from "./pcm";

/** A decoded PCM WAV: 16-bit samples, channels interleaved. */
export interface Wav {
  readonly sampleRate: number;
  readonly channels: number;
  readonly samples: Int16Array;
}

/** Reads a RIFF/WAVE file with 16-bit integer PCM; anything else is a typed error. */
export function parseWav(bytes: Uint8Array): Result<Wav> {
  const invalid = (why: string) =>
    fail(transportError("transport/invalid-wav", `${why}: send a 16-bit PCM WAV (e.g. sox in.wav -r 16000 -c 1 -b 16 out.wav)`));
  if (bytes.byteLength < 12) return invalid("too short for a WAV header");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
  if (tag(0) !== "RIFF" || tag(8) !== "WAVE") return invalid("not a RIFF/WAVE file");
  let format: { audioFormat: number; channels: number; sampleRate: number; bits: number } | undefined;
  for (let at = 12; at + 8 <= bytes.byteLength; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === "fmt " && size >= 16) {
      format = {
        audioFormat: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === "data") {
      if (!format) return invalid("data chunk before fmt chunk");
      // 0xFFFE is WAVE_FORMAT_EXTENSIBLE, which sox writes for some inputs; the bit depth decides.
      if ((format.audioFormat !== 1 && format.audioFormat !== 0xfffe) || format.bits !== 16) {
        return invalid(`unsupported encoding (format ${format.audioFormat}, ${format.bits} bits)`);
      }
      if (format.channels < 1 || format.sampleRate < 1) return invalid("bad channel count or sample rate");
      // Streams written before their length is known carry 0 or 0xFFFFFFFF: read to the end.
      const end = size === 0 || size === 0xffffffff ? bytes.byteLength : Math.min(bytes.byteLength, body + size);
      const data = copyBytes(bytes.subarray(body, body + ((end - body) & ~1)));
      return ok({ sampleRate: format.sampleRate, channels: format.channels, samples: new Int16Array(data.buffer) });
    }
    at = body + size + (size % 2);
  }
  return invalid("no data chunk");
}

/** Writes mono or interleaved 16-bit PCM as a WAV file. */
export function encodeWav(samples: Int16Array, sampleRate: number, channels = 1): Uint8Array {
  const out = new Uint8Array(44 + samples.byteLength);
  const view = new DataView(out.buffer);
  const writeTag = (at: number, text: string) => {
    for (let i = 0; i < 4; i++) out[at + i] = text.charCodeAt(i);
  };
  writeTag(0, "RIFF");
  view.setUint32(4, 36 + samples.byteLength, true);
  writeTag(8, "WAVE");
  writeTag(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  writeTag(36, "data");
  view.setUint32(40, samples.byteLength, true);
  out.set(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength), 44);
  return out;
}

import wavefile from "wavefile";
import { RuntimeError } from "../pipeline/errors";

/** Mono s16 PCM with its sample rate: the one audio value the runtime passes around. */
export interface Pcm {
  samples: Int16Array;
  sampleRate: number;
}

/**
 * Reads a WAV file (any bit depth wavefile understands; several channels are averaged to mono)
 * into s16 PCM.
 */
export function readWav(bytes: Uint8Array): Pcm {
  let wav: wavefile.WaveFile;
  try {
    wav = new wavefile.WaveFile(bytes);
  } catch (cause) {
    throw new RuntimeError("audio.invalid_wav", `Not a readable WAV file: ${(cause as Error).message}`, { cause });
  }
  wav.toBitDepth("16");
  const fmt = wav.fmt as { sampleRate: number; numChannels: number };
  const channels = fmt.numChannels;
  const deinterleaved = wav.getSamples(false, Int16Array) as unknown;
  if (channels <= 1) return { samples: deinterleaved as Int16Array, sampleRate: fmt.sampleRate };
  // getSamples(false) returns one array per channel when there are several.
  const perChannel = deinterleaved as Int16Array[];
  const first = perChannel[0] ?? new Int16Array(0);
  const mono = new Int16Array(first.length);
  for (let i = 0; i < mono.length; i++) {
    let sum = 0;
    for (const ch of perChannel) sum += ch[i] ?? 0;
    mono[i] = Math.round(sum / channels);
  }
  return { samples: mono, sampleRate: fmt.sampleRate };
}

export function writeWav(pcm: Pcm): Uint8Array {
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, pcm.sampleRate, "16", pcm.samples);
  return wav.toBuffer();
}

import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const UTTERANCE = "I would like to book a table for four people";

/** Speaks the utterance with espeak-ng and converts it with sox to 16 kHz mono 16-bit: the fake microphone. */
export async function makeSpeechWav(dir: string, text = UTTERANCE): Promise<string> {
  const raw = join(dir, "speech-raw.wav");
  const out = join(dir, "speech-16k.wav");
  await run("espeak-ng", ["-v", "en-us", "-w", raw, text]);
  await run("sox", [raw, "-r", "16000", "-c", "1", "-b", "16", out]);
  return out;
}

import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import type { Readable } from "node:stream";

/** The programs the speech route needs, for the error that names the missing one. */
export const SPEECH_PROGRAMS = ["espeak-ng", "sox"] as const;

export function findProgram(name: string, path: string = process.env["PATH"] ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export function missingSpeechPrograms(): string[] {
  return SPEECH_PROGRAMS.filter((p) => findProgram(p) === undefined);
}

export interface SynthesisPipeline {
  /** s16le mono 24 kHz: raw for "pcm", a WAV stream (header sizes unknown) for "wav". */
  readonly audio: Readable;
  /** Resolves when both programs exit cleanly; rejects with their stderr otherwise. */
  readonly done: Promise<void>;
  kill(): void;
}

/** Known OpenAI voice names map onto espeak-ng variants; an espeak voice name ("en-gb") passes through. */
function espeakVoice(voice: string): string {
  if (/^[a-z]{2,3}(-[a-z0-9]+)*(\+[a-z0-9]+)?$/i.test(voice) && !OPENAI_VOICES.has(voice)) return voice;
  return "en-us";
}
const OPENAI_VOICES = new Set(["alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse"]);

/**
 * espeak-ng (22.05 kHz WAV on stdout) piped into sox (resample to 24 kHz s16le mono). The text
 * goes in on stdin so that input starting with "-" is never read as an option.
 */
export function startSynthesis(text: string, options: { voice: string; speed?: number | undefined; format: "pcm" | "wav" }): SynthesisPipeline {
  const wordsPerMinute = Math.round(175 * (options.speed ?? 1));
  const espeak = spawn("espeak-ng", ["--stdout", "-v", espeakVoice(options.voice), "-s", String(wordsPerMinute)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const output = options.format === "pcm" ? ["-t", "raw", "-e", "signed-integer"] : ["-t", "wav", "-e", "signed-integer"];
  const sox = spawn("sox", ["-V1", "-t", "wav", "-", ...output, "-r", "24000", "-b", "16", "-c", "1", "-"], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  espeak.stdout.pipe(sox.stdin);
  // A killed reader makes the writer's pipe fail; that is how an abort looks, not a fault.
  sox.stdin.on("error", () => undefined);
  espeak.stdin.on("error", () => undefined);
  espeak.stdin.end(text.replace(/\s+/g, " "));
  const done = Promise.all([exited(espeak, "espeak-ng"), exited(sox, "sox")]).then(() => undefined);
  done.catch(() => undefined);
  return {
    audio: sox.stdout,
    done,
    kill: () => {
      espeak.kill("SIGKILL");
      sox.kill("SIGKILL");
    },
  };
}

function exited(child: ChildProcess, name: string): Promise<void> {
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", (error) => reject(new Error(`${name} failed to start: ${error.message}`)));
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${name} exited with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
}

/** Fixes the RIFF and data sizes of a WAV written to a pipe, where the writer could not seek back. */
export function fixWavSizes(wav: Buffer): Buffer {
  if (wav.length < 44 || wav.toString("ascii", 0, 4) !== "RIFF") return wav;
  const out = Buffer.from(wav);
  out.writeUInt32LE(out.length - 8, 4);
  let offset = 12;
  while (offset + 8 <= out.length) {
    const id = out.toString("ascii", offset, offset + 4);
    if (id === "data") {
      out.writeUInt32LE(out.length - offset - 8, offset + 4);
      break;
    }
    offset += 8 + out.readUInt32LE(offset + 4);
  }
  return out;
}

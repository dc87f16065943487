import { spawn } from "node:child_process";
import { z } from "zod";
import { RuntimeError } from "../pipeline/errors";
import { OUTPUT_SAMPLE_RATE } from "../audio/duration";
import { createWavStreamDecoder } from "../audio/wav-stream";
import { createResampler, type StreamResampler } from "../audio/resampler";
import type { TtsPort } from "./tts-port";

/**
 * Offline TTS with espeak-ng: `espeak-ng --stdout` streams a WAV (22050 Hz), decoded as it
 * arrives and resampled to 24 kHz with libsamplerate. The text goes in on stdin, so no text can
 * be taken for an option. Abort kills the process.
 */
export const EspeakSchema = z.object({
  binary: z.string().default("espeak-ng"),
  voice: z.string().default("en-us"),
  wordsPerMinute: z.number().int().min(80).max(450).default(175),
  /** 0-99 */
  pitch: z.number().int().min(0).max(99).optional(),
});
export type EspeakOptions = z.input<typeof EspeakSchema>;

export function createEspeakTts(options: EspeakOptions = {}): TtsPort {
  const o = EspeakSchema.parse(options);
  const args = ["--stdout", "-v", o.voice, "-s", String(o.wordsPerMinute)];
  if (o.pitch !== undefined) args.push("-p", String(o.pitch));

  async function* synthesize(text: string, signal?: AbortSignal): AsyncGenerator<Int16Array> {
    if (signal?.aborted || text.trim() === "") return;
    const child = spawn(o.binary, args, { stdio: ["pipe", "pipe", "pipe"] });
    let failure: RuntimeError | undefined;
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr = (stderr + c).slice(-1000)));
    const exited = new Promise<number | null>((resolve) => {
      child.on("error", (cause: NodeJS.ErrnoException) => {
        failure =
          cause.code === "ENOENT"
            ? new RuntimeError("tts.unavailable", `${o.binary} is not installed: apt-get install -y espeak-ng`, { cause })
            : new RuntimeError("tts.failed", `Could not start ${o.binary}: ${cause.message}`, { cause, retryable: true });
        resolve(null);
      });
      child.on("close", (code) => resolve(code));
    });
    const kill = () => child.kill("SIGKILL");
    signal?.addEventListener("abort", kill, { once: true });
    child.stdin.on("error", () => undefined);
    child.stdin.end(text.replace(/\s+/g, " ") + "\n");

    const decoder = createWavStreamDecoder();
    let resampler: StreamResampler | undefined;
    try {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        if (signal?.aborted) return;
        const pcm = decoder.push(chunk);
        if (decoder.sampleRate === undefined || pcm.length === 0) continue;
        resampler ??= await createResampler(decoder.sampleRate, OUTPUT_SAMPLE_RATE, "fast");
        const out = resampler.process(pcm);
        if (out.length > 0) yield out;
      }
      const code = await exited;
      if (signal?.aborted) return;
      if (failure) throw failure;
      if (code !== 0) throw new RuntimeError("tts.failed", `${o.binary} exited with ${code}: ${stderr.trim() || "no output"}`, { retryable: true });
      if (resampler) {
        const tail = resampler.flush();
        if (tail.length > 0) yield tail;
      }
    } finally {
      signal?.removeEventListener("abort", kill);
      if (child.exitCode === null && child.signalCode === null) kill(); // the consumer left early
      resampler?.release();
    }
  }

  return { name: "espeak-ng", sampleRate: OUTPUT_SAMPLE_RATE, synthesize };
}

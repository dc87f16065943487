import { toFile } from "openai";
import { z } from "zod";
import { openWithRetries } from "./attempts";
import { createOpenAiClient, resolveOpenAiConfig, retryPolicyOf, type Env, type OpenAiConfigInput } from "./openai-config";
import { pcmToWav } from "./pcm";

export const TranscribeOptionsSchema = z.object({
  /** "wav" (default) sends the bytes as they are; "pcm" is raw s16le mono and gets a WAV header. */
  format: z.enum(["wav", "pcm"]).default("wav"),
  /** For "pcm" input. */
  sampleRate: z.number().int().positive().default(16_000),
  /** ISO-639-1 hint, e.g. "en". */
  language: z.string().optional(),
  /** Words to bias recognition (names, the options the node offers). */
  prompt: z.string().optional(),
});
export type TranscribeOptions = z.input<typeof TranscribeOptionsSchema> & { signal?: AbortSignal };

export interface Transcription {
  text: string;
}

/** Speech to text for one utterance. The runtime wraps it into its STT stage. */
export interface Transcriber {
  readonly name: string;
  transcribe(audio: Uint8Array, options?: TranscribeOptions): Promise<Transcription>;
}

export type OpenAiTranscriberConfig = OpenAiConfigInput;

export function createOpenAiTranscriber(input: OpenAiTranscriberConfig, env?: Env): Transcriber {
  const config = resolveOpenAiConfig(input, env);
  const client = createOpenAiClient(config);
  const policy = retryPolicyOf(config);

  async function transcribe(audio: Uint8Array, options: TranscribeOptions = {}): Promise<Transcription> {
    const { signal, ...rest } = options;
    const opts = TranscribeOptionsSchema.parse(rest);
    const wav = opts.format === "pcm" ? pcmToWav(audio, opts.sampleRate) : audio;
    const { value, attempt } = await openWithRetries(
      async (attemptSignal) =>
        client.audio.transcriptions.create(
          {
            // A fresh file per attempt: an upload body cannot be replayed.
            file: await toFile(wav, "audio.wav", { type: "audio/wav" }),
            model: config.model,
            response_format: "json",
            ...(opts.language === undefined ? {} : { language: opts.language }),
            ...(opts.prompt === undefined ? {} : { prompt: opts.prompt }),
          },
          { signal: attemptSignal },
        ),
      { operation: "transcription", policy, timeoutMs: config.timeoutMs, signal },
    );
    attempt.release();
    return { text: value.text.trim() };
  }

  return { name: `openai:${config.model}`, transcribe };
}

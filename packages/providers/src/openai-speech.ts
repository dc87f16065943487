import { z } from "zod";
import { ProviderError } from "@voxchart/engine";
import { openWithRetries } from "./attempts";
import { createOpenAiClient, resolveOpenAiConfig, retryPolicyOf, type Env, type OpenAiConfigInput } from "./openai-config";
import { alignSamples, SPEECH_SAMPLE_RATE } from "./pcm";
import { isAbortError, toProviderError } from "./provider-errors";

export interface SynthesizeOptions {
  voice?: string;
  /** 0.25..4 */
  speed?: number;
  /** Aborting ends the iterator quietly and closes the HTTP stream. */
  signal?: AbortSignal;
}

/** Text to speech as a stream of PCM s16le mono chunks at `sampleRate`. The runtime wraps it into its TTS stage. */
export interface SpeechSynthesizer {
  readonly name: string;
  readonly sampleRate: number;
  synthesize(text: string, options?: SynthesizeOptions): AsyncIterable<Uint8Array>;
}

export type OpenAiSpeechConfig = OpenAiConfigInput & { voice?: string };

const SpeedSchema = z.number().min(0.25).max(4);

export function createOpenAiSpeech(input: OpenAiSpeechConfig, env?: Env): SpeechSynthesizer {
  const { voice: defaultVoice = "alloy", ...rest } = input;
  const config = resolveOpenAiConfig(rest, env);
  const client = createOpenAiClient(config);
  const policy = retryPolicyOf(config);

  async function* synthesize(text: string, options: SynthesizeOptions = {}): AsyncGenerator<Uint8Array> {
    const { signal } = options;
    if (signal?.aborted || text.trim() === "") return;
    const speed = options.speed === undefined ? undefined : SpeedSchema.parse(options.speed);
    let opened;
    try {
      // The timeout covers the response headers; the audio then streams at the server's pace.
      opened = await openWithRetries(
        (attemptSignal) =>
          client.audio.speech.create(
            {
              model: config.model,
              input: text,
              voice: options.voice ?? defaultVoice,
              response_format: "pcm",
              ...(speed === undefined ? {} : { speed }),
            },
            { signal: attemptSignal },
          ),
        { operation: "speech", policy, timeoutMs: config.timeoutMs, signal },
      );
    } catch (error) {
      if (signal?.aborted) return;
      throw error;
    }
    const { value: response, attempt } = opened;
    try {
      if (!response.body) throw new ProviderError("provider/empty-body", "speech: the response has no body", { retryable: true });
      yield* alignSamples(readBody(response.body));
    } catch (error) {
      if (signal?.aborted || (isAbortError(error) && signal?.aborted)) return;
      throw toProviderError(error, "speech");
    } finally {
      attempt.release();
    }
  }

  return { name: `openai:${config.model}`, sampleRate: SPEECH_SAMPLE_RATE, synthesize };
}

async function* readBody(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.byteLength > 0) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ProviderError } from "@voxchart/engine";
import { createOpenAiSpeech } from "./openai-speech";
import { createOpenAiTranscriber } from "./openai-transcriber";
import { parseWav, pcmToWav } from "./pcm";
import { createOpenAiCompatibleServer, type OpenAiCompatibleServer } from "./test-server/openai-compatible-server";
import { missingSpeechPrograms } from "./test-server/speech-synthesis";
import { warmUpAbortPath, startSchedulingLagProbe } from "./test-support";

const canSpeak = missingSpeechPrograms().length === 0 || process.env["CI"] === "true";

describe("createOpenAiSpeech and createOpenAiTranscriber", () => {
  let server: OpenAiCompatibleServer;
  beforeAll(async () => {
    server = await createOpenAiCompatibleServer();
    await warmUpAbortPath(server.url);
  });
  afterAll(() => server.close());
  afterEach(() => server.setScript({ transcriptions: [], speech: [] }));

  const speech = (overrides: Record<string, unknown> = {}) =>
    createOpenAiSpeech({ model: "test-speech", baseURL: server.url, timeoutMs: 2000, maxRetries: 1, retryBaseDelayMs: 5, ...overrides });
  const transcriber = () => createOpenAiTranscriber({ model: "test-transcribe", baseURL: server.url, timeoutMs: 2000, maxRetries: 1 });

  it.runIf(canSpeak)("streams speech as sample-aligned 24 kHz PCM chunks as they arrive", async () => {
    server.setScript({ speech: [{ type: "audio", chunkBytes: 4801, chunkDelayMs: 10 }] });
    const tts = speech();
    expect(tts.sampleRate).toBe(24_000);
    const sizes: number[] = [];
    for await (const chunk of tts.synthesize("Your table is booked for Friday.")) sizes.push(chunk.byteLength);
    expect(sizes.length).toBeGreaterThan(3);
    expect(sizes.every((n) => n % 2 === 0)).toBe(true);
    expect(server.requests.at(-1)?.body).toMatchObject({ response_format: "pcm", voice: "alloy", input: "Your table is booked for Friday." });
  });

  it.runIf(canSpeak)("round-trips: speech synthesised as PCM, sent back as PCM, transcribes to the text", async () => {
    const parts: Uint8Array[] = [];
    for await (const chunk of speech().synthesize("Four people on Friday")) parts.push(chunk);
    const pcm = Buffer.concat(parts);
    const result = await transcriber().transcribe(pcm, { format: "pcm", sampleRate: 24_000 });
    expect(result).toEqual({ text: "Four people on Friday" });
    const upload = server.requests.at(-1)?.body as { file: { bytes: number; type: string } };
    expect(upload.file).toMatchObject({ bytes: pcm.byteLength + 44, type: "audio/wav" });
  });

  it.runIf(canSpeak)("stops the HTTP stream when the signal aborts, ending quietly", async () => {
    server.setScript({ speech: [{ type: "audio", chunkBytes: 2400, chunkDelayMs: 30 }] });
    const controller = new AbortController();
    const before = server.requests.length;
    let chunks = 0;
    let abortedAt = 0;
    let lag: ReturnType<typeof startSchedulingLagProbe> | undefined;
    for await (const _chunk of speech().synthesize("A rather long sentence to keep the stream busy for a while.", { signal: controller.signal })) {
      chunks++;
      if (chunks === 2) {
        abortedAt = performance.now();
        lag ??= startSchedulingLagProbe();
        controller.abort();
      }
    }
    const closed = await (await server.waitForRequest(before)).closed;
    expect(closed.outcome).toBe("aborted");
    const lagMs = lag?.stop() ?? 0;
    expect((closed.closedAt ?? Infinity) - abortedAt - lagMs).toBeLessThan(100);
  });

  it("retries a 503 from the speech endpoint", async () => {
    server.setScript({ speech: [{ type: "error", status: 503 }, { type: "error", status: 400, message: "scripted" }] });
    const error = await (async () => {
      for await (const _ of speech().synthesize("hi")) void _;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "provider/http-400" });
    expect(server.pendingScript().speech).toBe(0);
  });

  it("sends WAV bytes unchanged and passes language and prompt", async () => {
    server.setScript({ transcriptions: [{ type: "text", text: "  two  " }] });
    const wav = pcmToWav(new Uint8Array(1600), 16_000);
    const result = await transcriber().transcribe(wav, { language: "en", prompt: "party size" });
    expect(result.text).toBe("two");
    expect(server.requests.at(-1)?.body).toMatchObject({ language: "en", prompt: "party size", file: { bytes: wav.byteLength } });
  });

  it("wraps PCM input in a WAV header at the given rate", async () => {
    server.setScript({ transcriptions: [{ type: "text", text: "ok" }] });
    await transcriber().transcribe(new Uint8Array(3200), { format: "pcm" });
    expect(server.requests.at(-1)?.body).toMatchObject({ file: { bytes: 3244 } });
    expect(parseWav(pcmToWav(new Uint8Array(3200), 16_000))).toMatchObject({ sampleRate: 16_000 });
  });

  it("surfaces transcription faults as ProviderError", async () => {
    server.setScript({ transcriptions: [{ type: "error", status: 401, message: "bad key" }] });
    const error = await transcriber().transcribe(new Uint8Array(10)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "provider/http-401", retryable: false, status: 401 });
  });
});

import { createOpenAiCompatibleServer, createOpenAiSpeech, createOpenAiTranscriber, type OpenAiCompatibleServer } from "@voxchart/providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSynthesizerTts } from "./synthesizer-tts";
import { createTranscriberStt } from "./transcriber-stt";

async function collect(chunks: AsyncIterable<Int16Array>): Promise<Int16Array> {
  const all: number[] = [];
  for await (const chunk of chunks) all.push(...chunk);
  return Int16Array.from(all);
}

describe("OpenAI-compatible speech as the runtime's STT and TTS ports (real SDK, local server)", () => {
  let server: OpenAiCompatibleServer;
  beforeAll(async () => {
    server = await createOpenAiCompatibleServer({});
  });
  afterAll(() => server.close());

  it("speaks 24 kHz audio through the real SDK, in odd-sized byte chunks too", async () => {
    const tts = createSynthesizerTts(createOpenAiSpeech({ model: "test-speech", baseURL: server.url, timeoutMs: 10_000 }));
    expect(tts.sampleRate).toBe(24_000);
    server.setScript({ speech: [{ type: "audio", chunkBytes: 333 }] });
    const audio = await collect(tts.synthesize("Four people on Friday."));
    expect(audio.length / 24_000).toBeGreaterThan(0.8); // about 1.5 s of speech
    expect(audio.length / 24_000).toBeLessThan(4);
    // Misaligned bytes would turn speech into full-scale noise; real speech has quiet stretches.
    const quiet = audio.filter((s) => Math.abs(s) < 2000).length;
    expect(quiet / audio.length).toBeGreaterThan(0.5);
  }, 30_000);

  it("joins a sample split across chunks", async () => {
    const samples = Int16Array.from([1, -2, 300, -32768, 32767, 12345]);
    const bytes = new Uint8Array(samples.buffer);
    const speech = {
      name: "fake",
      sampleRate: 24_000,
      async *synthesize() {
        yield bytes.slice(0, 3);
        yield bytes.slice(3, 4);
        yield bytes.slice(4, 9);
        yield bytes.slice(9);
      },
    };
    expect(await collect(createSynthesizerTts(speech).synthesize("x"))).toEqual(samples);
  });

  it("stops speaking quietly when aborted", async () => {
    const tts = createSynthesizerTts(createOpenAiSpeech({ model: "test-speech", baseURL: server.url, timeoutMs: 5000 }));
    server.setScript({ speech: [{ type: "audio", chunkBytes: 4800, chunkDelayMs: 50 }] });
    const controller = new AbortController();
    let samples = 0;
    for await (const chunk of tts.synthesize("A much longer sentence that takes a while to play out in full.", controller.signal)) {
      samples += chunk.length;
      controller.abort();
    }
    expect(samples).toBe(2400);
  });

  it("transcribes a streamed utterance at finish, biased by the node's phrases", async () => {
    server.setScript({ transcriptions: [{ type: "text", text: " four people " }] });
    const stt = createTranscriberStt(createOpenAiTranscriber({ model: "test-transcribe", baseURL: server.url, timeoutMs: 5000 }));
    const stream = stt.stream({ hints: { phrases: ["four people", "{number} people", "friday"] } });
    stream.push(new Int16Array(8000).fill(500));
    stream.push(new Int16Array(8000).fill(-500));
    const transcript = await stream.finish();
    expect(transcript).toMatchObject({ text: "four people", mode: "open" });
    const request = server.requests.at(-1);
    expect(JSON.stringify(request?.body)).toContain("four people, friday");
  });

  it("a cancelled stream rejects finish() as aborted", async () => {
    const stt = createTranscriberStt(createOpenAiTranscriber({ model: "test-transcribe", baseURL: server.url, timeoutMs: 5000 }));
    const stream = stt.stream();
    stream.push(new Int16Array(1600));
    stream.cancel();
    await expect(stream.finish()).rejects.toMatchObject({ code: "aborted" });
  });
});

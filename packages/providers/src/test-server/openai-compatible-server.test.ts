import OpenAI, { toFile } from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseWav } from "../pcm";
import { createOpenAiCompatibleServer, type OpenAiCompatibleServer } from "./openai-compatible-server";
import { missingSpeechPrograms } from "./speech-synthesis";
import { warmUpAbortPath, startSchedulingLagProbe } from "../test-support";

// Speech needs `apt-get install espeak-ng sox`. Skipped on a bare dev machine, never in CI, where a
// missing program must fail loudly (the server's 500 names it).
const hasSpeechPrograms = missingSpeechPrograms().length === 0 || process.env["CI"] === "true";

describe("the OpenAI-compatible test server, driven by the real SDK", () => {
  let server: OpenAiCompatibleServer;
  let client: OpenAI;
  beforeAll(async () => {
    server = await createOpenAiCompatibleServer({ now: () => new Date("2026-11-25T09:00:00Z") });
    client = new OpenAI({ baseURL: server.url, apiKey: "sk-test", maxRetries: 0 });
    await warmUpAbortPath(server.url);
  });
  afterAll(() => server.close());
  afterEach(() => server.setScript({ chat: [], transcriptions: [], speech: [] }));

  it("lists its models", async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(["test-chat", "test-transcribe", "test-speech"]);
  });

  it("answers a non-streaming chat completion with a text echoing the task", async () => {
    const completion = await client.chat.completions.create({
      model: "test-chat",
      messages: [
        { role: "system", content: "Help the caller book a table. Be brief." },
        { role: "user", content: "hi" },
      ],
    });
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0]?.message.content).toBe("Okay. Help the caller book a table.");
    expect(completion.choices[0]?.finish_reason).toBe("stop");
  });

  it("streams chat.completion.chunk events that the SDK parses, ending with a finish reason", async () => {
    server.setScript({ chat: [{ type: "text", text: "Hello there friend" }] });
    const stream = await client.chat.completions.create({
      model: "test-chat",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    let finish: string | null = null;
    let usage: unknown;
    for await (const chunk of stream) {
      expect(chunk.object).toBe("chat.completion.chunk");
      const choice = chunk.choices[0];
      if (choice?.delta.content) deltas.push(choice.delta.content);
      if (choice?.finish_reason) finish = choice.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(deltas).toEqual(["Hello", " there", " friend"]);
    expect(finish).toBe("stop");
    expect(usage).toMatchObject({ completion_tokens: 3 });
    expect((await server.requests.at(-1)!.closed).outcome).toBe("completed");
  });

  it("streams a tool call as a header delta and argument fragments over several chunks", async () => {
    server.setScript({ chat: [{ type: "tool_calls", calls: [{ name: "book_table", arguments: { party_size: 4 } }], argumentChunkChars: 4 }] });
    const stream = await client.chat.completions.create({
      model: "test-chat",
      messages: [{ role: "user", content: "book" }],
      stream: true,
    });
    const fragments: string[] = [];
    let name = "";
    let id: string | undefined;
    let finish: string | null = null;
    for await (const chunk of stream) {
      for (const call of chunk.choices[0]?.delta.tool_calls ?? []) {
        expect(call.index).toBe(0);
        id ??= call.id;
        name += call.function?.name ?? "";
        if (call.function?.arguments) fragments.push(call.function.arguments);
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(name).toBe("book_table");
    expect(id).toMatch(/^call_/);
    expect(fragments.length).toBeGreaterThan(2);
    expect(JSON.parse(fragments.join(""))).toEqual({ party_size: 4 });
    expect(finish).toBe("tool_calls");
  });

  it("by default calls the tool whose words the user used, with values read from the message", async () => {
    const completion = await client.chat.completions.create({
      model: "test-chat",
      messages: [{ role: "user", content: "Please book a table for five tomorrow at 7 pm" }],
      parallel_tool_calls: false,
      tools: [
        {
          type: "function",
          function: {
            name: "book_table",
            description: "Reserve a table",
            parameters: {
              type: "object",
              properties: {
                party_size: { type: "integer" },
                date: { type: "string", format: "date" },
                time: { type: "string", pattern: "^([01]\\d|2[0-3]):[0-5]\\d$" },
              },
              required: ["party_size"],
            },
          },
        },
        { type: "function", function: { name: "cancel_booking", description: "Cancel a reservation" } },
      ],
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === "function" && call.function.name).toBe("book_table");
    expect(call?.type === "function" && JSON.parse(call.function.arguments)).toEqual({ party_size: 5, date: "2026-11-26", time: "19:00" });
    expect(completion.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("asks for a missing required value instead of calling the tool", async () => {
    const completion = await client.chat.completions.create({
      model: "test-chat",
      messages: [{ role: "user", content: "book a table" }],
      tools: [
        {
          type: "function",
          function: {
            name: "book_table",
            parameters: { type: "object", properties: { party_size: { type: "integer" } }, required: ["party_size"] },
          },
        },
      ],
    });
    expect(completion.choices[0]?.message.tool_calls).toBeUndefined();
    expect(completion.choices[0]?.message.content).toBe("Could you tell me the party size?");
  });

  it("answers scripted errors with the OpenAI error envelope and status", async () => {
    server.setScript({ chat: [{ type: "error", status: 429, message: "slow down", retryAfterMs: 5 }] });
    const error = await client.chat.completions.create({ model: "test-chat", messages: [{ role: "user", content: "x" }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).message).toContain("slow down");
    expect(server.requests.at(-1)?.status).toBe(429);
  });

  it("rejects a malformed chat request with 400", async () => {
    const error = await client.chat.completions.create({ model: "test-chat", messages: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it("logs every request with its parsed body and outcome", async () => {
    const before = server.requests.length;
    await client.chat.completions.create({ model: "test-chat", messages: [{ role: "user", content: "log me" }] });
    const entry = await server.waitForRequest(before);
    expect(entry).toMatchObject({ method: "POST", path: "/v1/chat/completions", status: 200 });
    expect(entry.body).toMatchObject({ messages: [{ role: "user", content: "log me" }] });
    expect((await entry.closed).outcome).toBe("completed");
  });

  it("reports a stream the client abandoned before [DONE] as aborted", async () => {
    server.setScript({ chat: [{ type: "text", text: "a b c d e f g", interTokenDelayMs: 40 }] });
    const controller = new AbortController();
    const before = server.requests.length;
    const stream = await client.chat.completions.create(
      { model: "test-chat", messages: [{ role: "user", content: "x" }], stream: true },
      { signal: controller.signal },
    );
    let abortedAt = 0;
    let lag: ReturnType<typeof startSchedulingLagProbe> | undefined;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content && abortedAt === 0) {
        abortedAt = performance.now();
        lag ??= startSchedulingLagProbe();
        controller.abort();
      }
    }
    const entry = await (await server.waitForRequest(before)).closed;
    expect(entry.outcome).toBe("aborted");
    const lagMs = lag?.stop() ?? 0;
    expect((entry.closedAt ?? Infinity) - abortedAt - lagMs).toBeLessThan(100);
  });

  it("delays the first token by the x-test-latency-ms header", async () => {
    const start = performance.now();
    const stream = await client.chat.completions.create(
      { model: "test-chat", messages: [{ role: "user", content: "x" }], stream: true },
      { headers: { "x-test-latency-ms": "150" } },
    );
    let firstTokenAt = 0;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content && firstTokenAt === 0) firstTokenAt = performance.now() - start;
    }
    expect(firstTokenAt).toBeGreaterThanOrEqual(145);
  });

  it("transcribes a multipart upload, returning scripted text", async () => {
    server.setScript({ transcriptions: [{ type: "text", text: "four people please" }] });
    const result = await client.audio.transcriptions.create({
      file: await toFile(new Uint8Array(3200), "a.wav", { type: "audio/wav" }),
      model: "test-transcribe",
    });
    expect(result.text).toBe("four people please");
    expect(server.requests.at(-1)?.body).toMatchObject({ model: "test-transcribe", file: { name: "a.wav", bytes: 3200 } });
  });

  it("returns plain text when response_format is text", async () => {
    server.setScript({ transcriptions: [{ type: "text", text: "plain" }] });
    const text = await client.audio.transcriptions.create({
      file: await toFile(new Uint8Array(320), "a.wav"),
      model: "test-transcribe",
      response_format: "text",
    });
    expect(text).toBe("plain");
  });

  it("synthesises 24 kHz s16le mono PCM with espeak-ng, streamed in several chunks", async (ctx) => {
    if (!hasSpeechPrograms) return ctx.skip();
    const response = await client.audio.speech.create({ model: "test-speech", input: "Your table for four is booked.", voice: "alloy", response_format: "pcm" });
    expect(response.headers.get("content-type")).toBe("audio/pcm");
    let bytes = 0;
    let chunks = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      chunks++;
    }
    const seconds = bytes / 2 / 24_000;
    expect(seconds).toBeGreaterThan(1);
    expect(seconds).toBeLessThan(5);
    expect(chunks).toBeGreaterThan(1);
  });

  it("synthesises a WAV file with correct 24 kHz header sizes", async (ctx) => {
    if (!hasSpeechPrograms) return ctx.skip();
    const response = await client.audio.speech.create({ model: "test-speech", input: "Hello.", voice: "alloy", response_format: "wav" });
    const wav = parseWav(new Uint8Array(await response.arrayBuffer()));
    expect(wav).toMatchObject({ sampleRate: 24_000, channels: 1, bitsPerSample: 16 });
    expect(wav!.data.byteLength).toBeGreaterThan(10_000);
  });

  it("transcribes audio it synthesised back to the original text", async (ctx) => {
    if (!hasSpeechPrograms) return ctx.skip();
    const speech = await client.audio.speech.create({ model: "test-speech", input: "Friday at seven", voice: "alloy", response_format: "wav" });
    const wav = new Uint8Array(await speech.arrayBuffer());
    const result = await client.audio.transcriptions.create({ file: await toFile(wav, "back.wav"), model: "test-transcribe" });
    expect(result.text).toBe("Friday at seven");
  });

  it("rejects an unsupported speech format with 400", async () => {
    const error = await client.audio.speech
      .create({ model: "test-speech", input: "Hi", voice: "alloy", response_format: "mp3" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it("names the missing program in a 500 when it cannot synthesise", async () => {
    const path = process.env["PATH"];
    process.env["PATH"] = "/nonexistent";
    try {
      const error = await client.audio.speech
        .create({ model: "test-speech", input: "Hi", voice: "alloy", response_format: "pcm" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.InternalServerError);
      expect((error as Error).message).toContain("espeak-ng and sox");
    } finally {
      process.env["PATH"] = path;
    }
  });

  it("answers unknown routes with 404", async () => {
    const response = await fetch(`${server.url}/nothing`);
    expect(response.status).toBe(404);
  });

  it("validates scripts with zod", () => {
    expect(() => server.setScript({ chat: [{ type: "error", status: 200 }] })).toThrow();
    expect(server.pendingScript()).toEqual({ chat: 0, transcriptions: 0, speech: 0 });
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ProviderError, type GenerateChunk, type GenerateRequest } from "@voxchart/engine";
import type { ParsedIntent } from "@voxchart/flow";
import { describeGenerationConformance } from "./generation-conformance";
import { createOpenAiGeneration } from "./openai-generation";
import { createOpenAiCompatibleServer, type OpenAiCompatibleServer } from "./test-server/openai-compatible-server";
import { unusedPortUrl, warmUpAbortPath, startSchedulingLagProbe } from "./test-support";

describeGenerationConformance("OpenAI adapter against the test server", async () => {
  const server = await createOpenAiCompatibleServer();
  const slow = await createOpenAiCompatibleServer({ interTokenDelayMs: 25 });
  const fast = { model: "test-chat", timeoutMs: 2000, maxRetries: 0 };
  return {
    port: createOpenAiGeneration({ ...fast, baseURL: server.url }),
    slowPort: createOpenAiGeneration({ ...fast, baseURL: slow.url }),
    failingPort: createOpenAiGeneration({ ...fast, baseURL: await unusedPortUrl(), maxRetries: 1, retryBaseDelayMs: 5 }),
    dispose: async () => {
      await Promise.all([server.close(), slow.close()]);
    },
  };
});

const EXITS: ParsedIntent[] = [
  {
    name: "book_table",
    description: "Book a table.",
    examples: ["book a table"],
    arguments: [
      { name: "party_size", type: "integer", required: true },
      { name: "date", type: "date", required: false },
      { name: "outdoor", type: "yesno", required: false },
    ],
  },
];

function request(overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    system: "You are a restaurant host.",
    messages: [{ role: "user", content: "hello" }],
    exits: [],
    signal: new AbortController().signal,
    ...overrides,
  };
}

async function collect(stream: AsyncIterable<GenerateChunk>): Promise<GenerateChunk[]> {
  const chunks: GenerateChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

async function failure(stream: AsyncIterable<GenerateChunk>): Promise<ProviderError> {
  try {
    await collect(stream);
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error("expected a ProviderError");
}

describe("createOpenAiGeneration", () => {
  let server: OpenAiCompatibleServer;
  beforeAll(async () => {
    server = await createOpenAiCompatibleServer();
    await warmUpAbortPath(server.url);
  });
  afterAll(() => server.close());
  afterEach(() => server.setScript({ chat: [] }));

  const generation = (overrides: Record<string, unknown> = {}) =>
    createOpenAiGeneration({ model: "test-chat", baseURL: server.url, timeoutMs: 1000, maxRetries: 2, retryBaseDelayMs: 5, ...overrides });

  it("yields each streamed text delta as a text chunk, in order", async () => {
    server.setScript({ chat: [{ type: "text", text: "Table for four.", chunks: ["Table", " for", " four."] }] });
    const chunks = await collect(generation().generate(request()));
    expect(chunks).toEqual([
      { type: "text", text: "Table" },
      { type: "text", text: " for" },
      { type: "text", text: " four." },
    ]);
  });

  it("offers exits as tools with JSON Schema from the slot types and asks for one call at a time", async () => {
    server.setScript({ chat: [{ type: "text", text: "ok" }] });
    const before = server.requests.length;
    await collect(generation().generate(request({ exits: EXITS, temperature: 0.2, model: "other-model" })));
    const body = server.requests[before]?.body as Record<string, unknown>;
    expect(body["model"]).toBe("other-model");
    expect(body["temperature"]).toBe(0.2);
    expect(body["stream"]).toBe(true);
    expect(body["parallel_tool_calls"]).toBe(false);
    expect(body["messages"]).toEqual([
      { role: "system", content: "You are a restaurant host." },
      { role: "user", content: "hello" },
    ]);
    expect(body["tools"]).toEqual([
      {
        type: "function",
        function: {
          name: "book_table",
          description: 'Book a table. The user says things like: "book a table".',
          parameters: {
            type: "object",
            properties: {
              party_size: { type: "integer" },
              date: { type: "string", format: "date", description: "ISO date YYYY-MM-DD" },
              outdoor: { type: "boolean", description: "true for yes, false for no" },
            },
            required: ["party_size"],
          },
        },
      },
    ]);
  });

  it("assembles a tool call split over many deltas into one exit with parsed, typed arguments", async () => {
    server.setScript({
      chat: [
        {
          type: "tool_calls",
          text: "Booking now.",
          calls: [{ name: "book_table", arguments: { party_size: 6, date: "2026-11-27", outdoor: true } }],
          argumentChunkChars: 3,
        },
      ],
    });
    const chunks = await collect(generation().generate(request({ exits: EXITS })));
    expect(chunks).toEqual([
      { type: "text", text: "Booking" },
      { type: "text", text: " now." },
      { type: "exit", name: "book_table", arguments: { party_size: 6, date: "2026-11-27", outdoor: true } },
    ]);
  });

  it("treats null for an optional argument as absent", async () => {
    server.setScript({ chat: [{ type: "tool_calls", calls: [{ name: "book_table", arguments: { party_size: 2, date: null } }] }] });
    const chunks = await collect(generation().generate(request({ exits: EXITS })));
    expect(chunks).toEqual([{ type: "exit", name: "book_table", arguments: { party_size: 2 } }]);
  });

  it("rejects arguments that break the slot types with provider/bad-tool-arguments, not retryable", async () => {
    server.setScript({ chat: [{ type: "tool_calls", calls: [{ name: "book_table", arguments: { party_size: "many" } }] }] });
    const error = await failure(generation().generate(request({ exits: EXITS })));
    expect(error.code).toBe("provider/bad-tool-arguments");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("party_size");
  });

  it("rejects malformed JSON arguments with provider/bad-tool-arguments", async () => {
    server.setScript({ chat: [{ type: "tool_calls", calls: [{ name: "book_table", arguments: '{"party_size": 4' }] }] });
    const error = await failure(generation().generate(request({ exits: EXITS })));
    expect(error.code).toBe("provider/bad-tool-arguments");
  });

  it("rejects a call of a function that is not an exit", async () => {
    server.setScript({ chat: [{ type: "tool_calls", calls: [{ name: "drop_tables", arguments: {} }] }] });
    const error = await failure(generation().generate(request({ exits: EXITS })));
    expect(error.code).toBe("provider/unknown-tool");
  });

  it("retries a 503 before the first token and then streams the answer", async () => {
    server.setScript({ chat: [{ type: "error", status: 503, message: "overloaded" }, { type: "text", text: "Back again." }] });
    const before = server.requests.length;
    const chunks = await collect(generation().generate(request()));
    expect(chunks.map((c) => (c.type === "text" ? c.text : "")).join("")).toBe("Back again.");
    expect(server.requests.slice(before).map((r) => r.status)).toEqual([503, 200]);
  });

  it("retries 429 and connection failures too, then gives up with the last error", async () => {
    server.setScript({
      chat: [
        { type: "error", status: 429, message: "slow down" },
        { type: "error", status: 500, message: "boom" },
        { type: "error", status: 502, message: "bad gateway" },
      ],
    });
    const before = server.requests.length;
    const error = await failure(generation({ maxRetries: 2 }).generate(request()));
    expect(server.requests.length - before).toBe(3);
    expect(error.code).toBe("provider/http-502");
    expect(error.status).toBe(502);
    expect(error.retryable).toBe(true);
  });

  it("does not retry a 400", async () => {
    server.setScript({ chat: [{ type: "error", status: 400, message: "bad request" }, { type: "text", text: "never" }] });
    const before = server.requests.length;
    const error = await failure(generation().generate(request()));
    expect(error).toMatchObject({ code: "provider/http-400", retryable: false, status: 400 });
    expect(server.requests.length - before).toBe(1);
  });

  it("waits with backoff between attempts", async () => {
    server.setScript({ chat: [{ type: "error", status: 503 }, { type: "error", status: 503 }, { type: "text", text: "ok" }] });
    const start = performance.now();
    await collect(generation({ retryBaseDelayMs: 40 }).generate(request()));
    // Equal jitter: at least half of 40 ms, then half of 80 ms.
    expect(performance.now() - start).toBeGreaterThanOrEqual(55);
  });

  it("does not retry once the first token has arrived: the broken stream surfaces as provider/stream-interrupted", async () => {
    server.setScript({ chat: [{ type: "text", text: "one two three four", breakAfterChunks: 2 }, { type: "text", text: "retried" }] });
    const before = server.requests.length;
    const seen: GenerateChunk[] = [];
    let caught: unknown;
    try {
      for await (const chunk of generation().generate(request())) seen.push(chunk);
    } catch (error) {
      caught = error;
    }
    expect(seen).toEqual([
      { type: "text", text: "one" },
      { type: "text", text: " two" },
    ]);
    expect(caught).toBeInstanceOf(ProviderError);
    expect(caught).toMatchObject({ code: "provider/stream-interrupted", retryable: false });
    expect(server.requests.length - before).toBe(1);
  });

  it("fails with provider/timeout when no token arrives within timeoutMs", async () => {
    server.setScript({ chat: [{ type: "text", text: "too late", firstTokenDelayMs: 2000 }] });
    const start = performance.now();
    const error = await failure(generation({ timeoutMs: 150, maxRetries: 0 }).generate(request()));
    const elapsed = performance.now() - start;
    expect(error).toMatchObject({ code: "provider/timeout", retryable: true });
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(600);
  });

  it("retries after a first-token timeout and uses the next answer", async () => {
    server.setScript({ chat: [{ type: "hang" }, { type: "text", text: "Second try." }] });
    const before = server.requests.length;
    const chunks = await collect(generation({ timeoutMs: 150, maxRetries: 1 }).generate(request()));
    expect(chunks.map((c) => (c.type === "text" ? c.text : "")).join("")).toBe("Second try.");
    const [hung] = server.requests.slice(before);
    expect((await hung!.closed).outcome).toBe("aborted");
  });

  it("applies the latency header as the first-token delay", async () => {
    server.setScript({ chat: [{ type: "text", text: "hi" }] });
    const withHeader: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("x-test-latency-ms", "120");
      return fetch(input, { ...init, headers });
    };
    const start = performance.now();
    await collect(generation({ fetch: withHeader }).generate(request()));
    expect(performance.now() - start).toBeGreaterThanOrEqual(115);
  });

  it("aborts the HTTP stream when the signal aborts: the server sees the connection close within 100 ms", async () => {
    server.setScript({ chat: [{ type: "text", text: "a b c d e f g h i j k l m n o p", interTokenDelayMs: 50 }] });
    const controller = new AbortController();
    const before = server.requests.length;
    const seen: GenerateChunk[] = [];
    let abortedAt = 0;
    let lag: ReturnType<typeof startSchedulingLagProbe> | undefined;
    for await (const chunk of generation().generate(request({ signal: controller.signal }))) {
      seen.push(chunk);
      if (seen.length === 2) {
        abortedAt = performance.now();
        lag ??= startSchedulingLagProbe();
        controller.abort();
      }
    }
    const logged = await server.waitForRequest(before);
    const closed = await logged.closed;
    expect(closed.outcome).toBe("aborted");
    const lagMs = lag?.stop() ?? 0;
    expect((closed.closedAt ?? Infinity) - abortedAt - lagMs).toBeLessThan(100);
    expect(seen.length).toBeLessThanOrEqual(3);
  });

  it("closes the stream when the consumer stops reading", async () => {
    server.setScript({ chat: [{ type: "text", text: "a b c d e f g h", interTokenDelayMs: 50 }] });
    const before = server.requests.length;
    for await (const chunk of generation().generate(request())) {
      expect(chunk.type).toBe("text");
      break;
    }
    const closed = await (await server.waitForRequest(before)).closed;
    expect(closed.outcome).toBe("aborted");
  });

  it("ends quietly when aborted during a retry backoff", async () => {
    server.setScript({ chat: [{ type: "error", status: 503 }, { type: "text", text: "never" }] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const chunks = await collect(generation({ retryBaseDelayMs: 1000 }).generate(request({ signal: controller.signal })));
    expect(chunks).toEqual([]);
  });

  it("reads OPENAI_BASE_URL and OPENAI_API_KEY when the config leaves them out", async () => {
    server.setScript({ chat: [{ type: "text", text: "from env" }] });
    const before = server.requests.length;
    const port = createOpenAiGeneration(
      { model: "test-chat", timeoutMs: 1000, maxRetries: 0 },
      { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "sk-test-env" },
    );
    const chunks = await collect(port.generate(request()));
    expect(chunks.map((c) => (c.type === "text" ? c.text : "")).join("")).toBe("from env");
    expect(server.requests[before]?.headers["authorization"]).toBe("Bearer sk-test-env");
    expect(port.name).toBe("openai:test-chat");
  });

  it("falls back to process.env when no env is passed", async () => {
    server.setScript({ chat: [{ type: "text", text: "process env" }] });
    vi.stubEnv("OPENAI_BASE_URL", server.url);
    vi.stubEnv("OPENAI_API_KEY", "sk-process-env");
    try {
      const before = server.requests.length;
      await collect(createOpenAiGeneration({ model: "test-chat", timeoutMs: 1000, maxRetries: 0 }).generate(request()));
      expect(server.requests[before]?.headers["authorization"]).toBe("Bearer sk-process-env");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("prefers explicit config over the environment", async () => {
    server.setScript({ chat: [{ type: "text", text: "explicit" }] });
    const before = server.requests.length;
    const port = createOpenAiGeneration(
      { model: "test-chat", baseURL: server.url, apiKey: "sk-explicit", timeoutMs: 1000, maxRetries: 0 },
      { OPENAI_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_API_KEY: "sk-env" },
    );
    await collect(port.generate(request()));
    expect(server.requests[before]?.headers["authorization"]).toBe("Bearer sk-explicit");
  });

  it("refuses to start without a key or a base URL", () => {
    expect(() => createOpenAiGeneration({ model: "m" }, {})).toThrowError(ProviderError);
  });
});

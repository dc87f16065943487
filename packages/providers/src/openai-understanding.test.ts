import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ProviderError, type UnderstandRequest } from "@voxchart/engine";
import type { ParsedIntent, ParsedSlot } from "@voxchart/flow";
import { createOpenAiUnderstanding, systemPrompt } from "./openai-understanding";
import { createOpenAiCompatibleServer, type OpenAiCompatibleServer } from "./test-server/openai-compatible-server";

const INTENTS: ParsedIntent[] = [
  {
    name: "book_table",
    description: "Book a table.",
    examples: ["I want to book a table"],
    arguments: [{ name: "party_size", type: "integer", required: true }],
  },
  { name: "operator", description: "Talk to a human operator.", examples: ["let me speak to a person"] },
];
const SLOTS: ParsedSlot[] = [
  { name: "party_size", type: "integer", required: true },
  { name: "date", type: "date", required: true },
  { name: "seating", type: "enum", required: false, options: [{ value: "inside", synonyms: [] }, { value: "terrace", synonyms: ["outside"] }] },
];
const NOW = new Date("2026-11-25T09:30:00Z");

function request(overrides: Partial<UnderstandRequest> = {}): UnderstandRequest {
  return { text: "hello", intents: INTENTS, slots: SLOTS, expectConfirmation: false, now: NOW, ...overrides };
}

type Body = { messages: Array<{ role: string; content: string }>; tools: Array<{ function: { name: string; parameters: { required?: string[] } } }> };

describe("createOpenAiUnderstanding", () => {
  let server: OpenAiCompatibleServer;
  beforeAll(async () => {
    server = await createOpenAiCompatibleServer({ now: () => NOW });
  });
  afterAll(() => server.close());
  afterEach(() => server.setScript({ chat: [] }));

  const understanding = (overrides: Record<string, unknown> = {}) =>
    createOpenAiUnderstanding({ model: "test-chat", baseURL: server.url, timeoutMs: 1000, maxRetries: 1, retryBaseDelayMs: 5, ...overrides });

  it("offers one tool per intent plus fill_slots with every slot optional, and no confirm unless expected", async () => {
    const before = server.requests.length;
    await understanding().understand(request());
    const body = server.requests[before]?.body as Body;
    expect(body.tools.map((t) => t.function.name)).toEqual(["book_table", "operator", "fill_slots"]);
    expect(body.tools.every((t) => t.function.parameters.required === undefined)).toBe(true);
    expect(JSON.stringify(body.tools[2])).toContain('"enum":["inside","terrace"]');
    expect(JSON.stringify(body.tools[2])).toContain("outside means terrace");
  });

  it("adds a confirm tool when a confirmation is expected, and names the focus slot in the prompt", async () => {
    const before = server.requests.length;
    await understanding().understand(request({ expectConfirmation: true, focusSlot: "party_size" }));
    const body = server.requests[before]?.body as Body;
    expect(body.tools.map((t) => t.function.name)).toContain("confirm");
    expect(body.messages[0]?.content).toContain('asked for "party_size"');
  });

  it("states today's date from request.now in the system prompt", async () => {
    const before = server.requests.length;
    await understanding().understand(request());
    const body = server.requests[before]?.body as Body;
    expect(body.messages[0]?.content).toContain("Today is Wednesday, 2026-11-25; the time is 09:30 (UTC)");
    expect(body.messages[1]).toEqual({ role: "user", content: "hello" });
    expect(systemPrompt(request(), "America/New_York")).toContain("Today is Wednesday, 2026-11-25; the time is 04:30");
  });

  it("maps intent, slot and confirmation tool calls onto the result", async () => {
    server.setScript({
      chat: [
        {
          type: "tool_calls",
          calls: [
            { name: "fill_slots", arguments: { party_size: 4, date: "2026-11-27", seating: "terrace" } },
            { name: "confirm", arguments: { answer: "no" } },
            { name: "book_table", arguments: { party_size: 4 } },
          ],
        },
      ],
    });
    const result = await understanding().understand(request({ text: "no, four on the terrace on friday", expectConfirmation: true }));
    expect(result).toEqual({
      intent: { name: "book_table", confidence: 0.9, arguments: { party_size: 4 } },
      slots: { party_size: 4, date: "2026-11-27", seating: "terrace" },
      confirmation: "no",
    });
  });

  it("drops values of the wrong type and keeps the rest", async () => {
    server.setScript({
      chat: [{ type: "tool_calls", calls: [{ name: "fill_slots", arguments: { party_size: "lots", date: "2026-11-27", seating: "roof", extra: 1 } }] }],
    });
    const result = await understanding().understand(request());
    expect(result.slots).toEqual({ date: "2026-11-27" });
  });

  it("rejects a call of a tool it did not offer (confirm when none was expected)", async () => {
    server.setScript({ chat: [{ type: "tool_calls", calls: [{ name: "confirm", arguments: { answer: "yes" } }] }] });
    const error = await understanding().understand(request()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "provider/unknown-tool", retryable: false });
  });

  it("returns nothing understood when the model answers in text", async () => {
    server.setScript({ chat: [{ type: "text", text: "Sorry?" }] });
    expect(await understanding().understand(request())).toEqual({ intent: null, slots: {}, confirmation: null });
  });

  it("understands with the test server's default responder end to end", async () => {
    const result = await understanding().understand(request({ text: "book a table for 6 people tomorrow on the terrace" }));
    expect(result.intent?.name).toBe("book_table");
    expect(result.intent?.arguments).toEqual({ party_size: 6 });
    expect(result.slots).toEqual({ party_size: 6, date: "2026-11-26", seating: "terrace" });
  });

  it("hears a yes to a confirmation with the default responder", async () => {
    const result = await understanding().understand(request({ text: "yes that's correct", intents: [], slots: [], expectConfirmation: true }));
    expect(result.confirmation).toBe("yes");
  });

  it("makes no request when there is nothing to recognise", async () => {
    const before = server.requests.length;
    const result = await understanding().understand(request({ intents: [], slots: [] }));
    expect(result).toEqual({ intent: null, slots: {}, confirmation: null });
    expect(server.requests.length).toBe(before);
  });

  it("retries a 5xx, then fails with a ProviderError when retries run out", async () => {
    server.setScript({ chat: [{ type: "error", status: 500 }, { type: "error", status: 503 }] });
    const error = await understanding().understand(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "provider/http-503", retryable: true, status: 503 });
  });

  it("times out per attempt", async () => {
    server.setScript({ chat: [{ type: "hang" }] });
    const error = await understanding({ timeoutMs: 100, maxRetries: 0 }).understand(request()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "provider/timeout" });
  });

  it("rejects unparseable arguments with provider/bad-tool-arguments", async () => {
    server.setScript({ chat: [{ type: "tool_calls", calls: [{ name: "fill_slots", arguments: "{oops" }] }] });
    const error = await understanding().understand(request()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "provider/bad-tool-arguments", retryable: false });
  });

  it("rejects with provider/aborted when the signal aborts", async () => {
    server.setScript({ chat: [{ type: "hang" }] });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await understanding().understand(request({ signal: controller.signal })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "provider/aborted", retryable: false });
  });
});

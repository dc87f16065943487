import { describe, expect, it } from "vitest";
import { deterministicChatResponder } from "./chat-responder";
import type { ChatRequest } from "./wire";

const NOW = new Date("2026-11-25T09:00:00Z");
const tools = [
  {
    type: "function" as const,
    function: {
      name: "book_table",
      description: "Reserve a table",
      parameters: { type: "object", properties: { party_size: { type: "integer" } }, required: ["party_size"] },
    },
  },
  { type: "function" as const, function: { name: "transfer_to_human", description: "Speak to a person" } },
];
const ask = (content: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({ model: "m", messages: [{ role: "user", content }], tools, ...extra });

describe("deterministicChatResponder", () => {
  it("calls the tool sharing the most words with the message", () => {
    expect(deterministicChatResponder(ask("can I speak to a human person"), NOW)).toMatchObject({
      type: "tool_calls",
      calls: [{ name: "transfer_to_human", arguments: {} }],
    });
  });

  it("reads number words and skips clock times", () => {
    expect(deterministicChatResponder(ask("table at 7 pm for four"), NOW)).toMatchObject({
      calls: [{ name: "book_table", arguments: { party_size: 4 } }],
    });
  });

  it("answers in text when tool_choice is none", () => {
    expect(deterministicChatResponder(ask("book a table for 2", { tool_choice: "none" }), NOW).type).toBe("text");
  });

  it("calls the named function when tool_choice names one", () => {
    const step = deterministicChatResponder(ask("hello", { tool_choice: { type: "function", function: { name: "transfer_to_human" } } }), NOW);
    expect(step).toMatchObject({ calls: [{ name: "transfer_to_human" }] });
  });

  it("echoes the user when there is no system prompt and no tool matches", () => {
    expect(deterministicChatResponder({ model: "m", messages: [{ role: "user", content: "good morning" }] }, NOW)).toEqual({
      type: "text",
      text: "You said: good morning",
    });
  });
});

import { describe, expect, it } from "vitest";
import { parseTestFile } from "@voxchart/engine";
import { TestCaseConversationSchema } from "../shared/test-case-schema";
import { toCliTestFile } from "./to-cli-test-file";

describe("toCliTestFile", () => {
  it("writes stored cases as named conversations that voxchart test parses", () => {
    const file = toCliTestFile("./party.flow.json", [
      { name: "books", conversation: { format: "voxchart/conversation@2", now: "2026-12-01T10:00:00Z", tools: { lookup: { result: 1 } }, turns: [{ bot: "Hello", node: "ask" }, { user: "four", ended: true }] } },
    ]);
    expect(file).toEqual({
      flow: "./party.flow.json",
      conversations: [{ name: "books", now: "2026-12-01T10:00:00Z", tools: { lookup: { result: 1 } }, turns: [{ bot: "Hello", node: "ask" }, { user: "four", ended: true }] }],
    });
    const parsed = parseTestFile(JSON.stringify(file), "party.test.json");
    expect(parsed.ok).toBe(true);
  });

  it("gives twin names a number, as a test file needs distinct names", () => {
    const conversation = { format: "voxchart/conversation@2" as const, turns: [{ user: "hi" }] };
    const file = toCliTestFile("./f.flow.json", [{ name: "greets", conversation }, { name: "greets (2)", conversation }, { name: "greets", conversation }]);
    expect(file.conversations.map((c) => c.name)).toEqual(["greets", "greets (2)", "greets (3)"]);
    expect(parseTestFile(JSON.stringify(file), "f.test.json").ok).toBe(true);
  });

  it("reads cases saved in format 1 as the conversation they recorded: start, user lines, silence, the end, mocks as stubs", () => {
    const conversation = TestCaseConversationSchema.parse({
      format: "voxchart/conversation@1",
      tools: { lookup: { result: { ok: true }, latencyMs: 900, fail: false }, pay: { latencyMs: 0, fail: true } },
      steps: [
        { input: { type: "start" }, expect: { bot: ["Hello. How many?"], nodeId: "ask", ended: false, outcome: null } },
        { input: { type: "silence" }, expect: { bot: ["Sorry?"], nodeId: "ask", ended: false, outcome: null } },
        { input: { type: "say", text: "four" }, expect: { bot: ["/odd/"], nodeId: "done", ended: true, outcome: "booked" } },
      ],
    });
    const [exported] = toCliTestFile("./party.flow.json", [{ name: "books", conversation }]).conversations;
    expect(exported?.tools).toEqual({ lookup: { result: { ok: true }, latencyMs: 900 }, pay: { error: "pay failed (mocked)", latencyMs: 0 } });
    expect(exported?.turns).toEqual([
      { bot: ["Hello. How many?"], node: "ask" },
      { silence: true, bot: ["Sorry?"], node: "ask" },
      { user: "four", bot: ["/\\/odd\\//"], node: "done", ended: true, outcome: "booked" },
    ]);
  });
});

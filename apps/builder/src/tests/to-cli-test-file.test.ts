import { describe, expect, it } from "vitest";
import { toCliTestFile } from "./to-cli-test-file";

describe("toCliTestFile", () => {
  it("turns recorded steps into CLI turns: start, user lines, silence, the end", () => {
    const file = toCliTestFile("./party.flow.json", [
      {
        name: "books",
        conversation: {
          format: "voxchart/conversation@1",
          tools: { lookup: { result: { ok: true }, latencyMs: 900, fail: false } },
          steps: [
            { input: { type: "start" }, expect: { bot: ["Hello. How many?"], nodeId: "ask", ended: false, outcome: null } },
            { input: { type: "silence" }, expect: { bot: ["Sorry?"], nodeId: "ask", ended: false, outcome: null } },
            { input: { type: "say", text: "four" }, expect: { bot: ["/odd/"], nodeId: "done", ended: true, outcome: "booked" } },
          ],
        },
      },
    ]);
    expect(file.flow).toBe("./party.flow.json");
    expect(file.conversations[0]?.tools).toEqual({ lookup: { result: { ok: true }, latencyMs: 900 } });
    expect(file.conversations[0]?.turns).toEqual([
      { bot: ["Hello. How many?"], node: "ask" },
      { silence: true, bot: ["Sorry?"], node: "ask" },
      { user: "four", bot: ["/\\/odd\\//"], node: "done", ended: true, outcome: "booked" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { CompiledFlow } from "@voxchart/flow";
import { loadFlow } from "../load/load-flow";
import { ConversationSchema } from "../test-file/schema";
import type { ToolStubs } from "../test-file/schema";
import { runConversation } from "./run-conversation";
import { REPO_ROOT } from "../../test/helpers";

async function restaurant(): Promise<CompiledFlow> {
  const loaded = await loadFlow("examples/restaurant/restaurant.flow.json", { cwd: REPO_ROOT });
  if (!loaded.compiled) throw new Error("the restaurant example does not compile");
  return loaded.compiled;
}

const stubs: ToolStubs = { check_availability: { result: { available: true }, latencyMs: 1000 }, book_table: { result: "R-1" } };
const NOW = Date.parse("2026-11-25T09:00:00Z");
const conversation = (turns: unknown[]) => ConversationSchema.parse({ name: "c", turns });

describe("runConversation", () => {
  it("passes when every expectation holds, on virtual time", async () => {
    const result = await runConversation(
      await restaurant(),
      conversation([
        { bot: "Welcome", node: "ask" },
        { user: "tomorrow at 7 pm for 2", vars: { date: "2026-11-26", party_size: 2 } },
        { user: "yes", filler: "Let me check the book", bot: "reference R-1", outcome: "booked", ended: true },
      ]),
      { stubs, startAt: NOW },
    );
    expect(result.failure).toBeNull();
    expect(result.passed).toBe(true);
    expect(result.turns).toBe(3);
    expect(result.transcript).toContain("bot (filler): Let me check the book for Thursday, November 26.");
  });

  it("stops at the first mismatch and says which turn, what was expected and what happened", async () => {
    const result = await runConversation(
      await restaurant(),
      conversation([{ user: "tomorrow at 7 pm" }, { user: "four", bot: "/Friday/" }, { user: "yes" }]),
      { stubs, startAt: NOW },
    );
    expect(result.passed).toBe(false);
    expect(result.turns).toBe(2);
    expect(result.failure?.message).toBe('turn 2 "four": expected bot to match /Friday/, got "A table for 4 on Thursday, November 26 at 7 pm. Shall I check?"');
  });

  it("reports node, variable, filler and outcome mismatches", async () => {
    const compiled = await restaurant();
    const fail = async (turn: Record<string, unknown>) =>
      (await runConversation(compiled, conversation([{ user: "tomorrow at 7 pm for 2" }, { user: "yes", ...turn }]), { stubs, startAt: NOW })).failure?.message;
    expect(await fail({ node: "offer" })).toBe('turn 2 "yes": expected node offer, got node booked');
    expect(await fail({ vars: { party_size: 3 } })).toBe('turn 2 "yes": expected party_size = 3, got party_size = 2');
    expect(await fail({ filler: false })).toBe('turn 2 "yes": expected no filler, got filler "Let me check the book for Thursday, November 26."');
    expect(await fail({ outcome: "declined" })).toBe('turn 2 "yes": expected outcome "declined", got outcome "booked"');
    expect(await fail({ transfer: "front-desk" })).toBe('turn 2 "yes": expected transfer to "front-desk", got no transfer');
  });

  it("fails a turn that comes after the conversation ended", async () => {
    const result = await runConversation(await restaurant(), conversation([{ user: "goodbye", ended: true }, { user: "hello?" }]), { stubs, startAt: NOW });
    expect(result.failure?.message).toBe('turn 2 "hello?": expected the conversation to go on, got it had already ended');
  });

  it("uses the conversation's stubs over the file's, and stub lists in turn", async () => {
    const result = await runConversation(
      await restaurant(),
      ConversationSchema.parse({
        name: "c",
        tools: { book_table: [{ error: "busy" }] },
        turns: [{ user: "tomorrow at 7 pm for 2" }, { user: "yes", node: "system_down", transfer: "front-desk" }],
      }),
      { stubs, startAt: NOW },
    );
    expect(result.failure).toBeNull();
  });

  it("records nodes, edges and global handlers for coverage", async () => {
    const result = await runConversation(await restaurant(), conversation([{ user: "when are you open" }, { user: "talk to a human" }]), { stubs, startAt: NOW });
    expect([...result.hits.nodes]).toEqual(["greet", "ask", "handoff"]);
    expect([...result.hits.edges]).toEqual(["greet_to_ask"]);
    expect([...result.hits.globals]).toEqual(["hours", "operator"]);
  });
});

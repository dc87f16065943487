import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { TestConversationSchema, compileFlow, parseFlowDocument } from "@voxchart/flow";
import type { CompiledFlow, ToolStubs } from "@voxchart/flow";
import { runConversation } from "./run-conversation";

async function restaurant(): Promise<CompiledFlow> {
  const file = new URL("../../../../examples/restaurant/restaurant.flow.json", import.meta.url);
  const loaded = parseFlowDocument(await readFile(file, "utf8"), "restaurant.flow.json");
  if (!loaded.ok) throw new Error("the restaurant example does not load");
  const compiled = compileFlow(loaded.flow);
  if (!compiled.ok) throw new Error("the restaurant example does not compile");
  return compiled.compiled;
}

const stubs: ToolStubs = { check_availability: { result: { available: true }, latencyMs: 1000 }, book_table: { result: "R-1" } };
const NOW = Date.parse("2026-11-25T09:00:00Z");
const conversation = (turns: unknown[]) => TestConversationSchema.parse({ name: "c", turns });

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
      TestConversationSchema.parse({
        name: "c",
        tools: { book_table: [{ error: "busy" }] },
        turns: [{ user: "tomorrow at 7 pm for 2" }, { user: "yes", node: "system_down", transfer: "front-desk" }],
      }),
      { stubs, startAt: NOW },
    );
    expect(result.failure).toBeNull();
  });

  it("shows every session output to an observer, in order", async () => {
    const nodes: string[] = [];
    const traces: string[] = [];
    await runConversation(await restaurant(), conversation([{ user: "when are you open" }, { user: "talk to a human" }]), {
      stubs,
      startAt: NOW,
      observe: (o) => {
        if (o.type === "state.changed") nodes.push(o.nodeId);
        if (o.type === "trace") traces.push(`${o.kind}:${o.id}`);
      },
    });
    expect(nodes).toEqual(["greet", "ask", "ask", "handoff"]); // the hours handler returns to ask
    expect(traces).toEqual(["edge:greet_to_ask", "global:hours", "global:operator"]);
  });

  it("starts the clock at the conversation's own `now` over the caller's", async () => {
    const script = { now: "2026-11-27T09:00:00Z", turns: [{ user: "tomorrow at 7 pm for 2", vars: { date: "2026-11-28" } }] };
    expect((await runConversation(await restaurant(), TestConversationSchema.parse({ name: "c", ...script }), { stubs, startAt: NOW })).failure).toBeNull();
  });
});

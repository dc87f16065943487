import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FlowSchema } from "@voxchart/flow";
import { loadFlow } from "../load/load-flow";
import { runTests } from "../commands/test-command";
import { parseTestFile } from "@voxchart/engine";
import { generatePathTests } from "./generate-path-tests";
import { recordBotLines } from "./record-bot-lines";
import { REPO_ROOT, tempDir } from "../../test/helpers";

async function generate(flowFile: string) {
  const loaded = await loadFlow(flowFile, { cwd: REPO_ROOT });
  if (!loaded.flow) throw new Error("flow does not load");
  return generatePathTests(loaded.flow, { flowRef: join(REPO_ROOT, flowFile), resolveSubflow: loaded.resolveSubflow, now: "2026-11-25T09:00:00Z" });
}

describe("generatePathTests", () => {
  it("writes one conversation per path to an end or transfer, as a valid test file", async () => {
    const generated = await generate("examples/restaurant/restaurant.flow.json");
    expect(generated.conversations).toBe(11);
    expect(parseTestFile(generated.yaml, "gen.test.yaml").ok).toBe(true);
    const doc = parse(generated.yaml) as { tools: Record<string, unknown>; conversations: { name: string; turns: Record<string, unknown>[] }[] };
    expect(doc.tools).toEqual({ check_availability: { result: {} }, book_table: { result: "OK-1" } });
    const large = doc.conversations[0];
    expect(large?.name).toBe("path 1: ask → large_party (transfer to events-team)");
    // Sample utterances per slot type; 10 is picked so that `party_size > 8` holds.
    expect(large?.turns.map((t) => t.user ?? null)).toEqual([null, "tomorrow", "7 pm", "10", "yes"]);
    expect(large?.turns.at(-1)).toEqual({ user: "yes", node: "large_party", ended: true, transfer: "events-team" });
  });

  it("uses silence for noInput edges and the first example for intent edges", async () => {
    const { yaml } = await generate("examples/restaurant/restaurant.flow.json");
    const doc = parse(yaml) as { conversations: { name: string; turns: Record<string, unknown>[] }[] };
    const silent = doc.conversations.find((c) => c.name.startsWith("path 10"));
    expect(silent?.turns.slice(1)).toEqual([{ silence: true, node: "ask" }, { silence: true, node: "no_answer", ended: true, outcome: "no-input" }]);
    const accepted = doc.conversations.find((c) => c.name.includes("offer → booked"));
    expect(accepted?.turns.at(-1)).toMatchObject({ user: "yes that works", node: "booked" });
  });

  it("chooses tool stub results that steer a decision the path's way", async () => {
    const { yaml } = await generate("examples/restaurant/restaurant.flow.json");
    const doc = parse(yaml) as { conversations: { name: string; tools?: Record<string, unknown>; turns: Record<string, unknown>[] }[] };
    const booked = doc.conversations.find((c) => c.name === "path 2: ask → booked (end (booked))");
    expect(booked?.tools).toEqual({ check_availability: { result: { available: true } } });
    expect(booked?.turns.at(-1)).toMatchObject({ user: "yes", node: "booked", outcome: "booked" });
  });

  it("marks a condition no sample value satisfies as a TODO and stops expecting nodes there", () => {
    const flow = FlowSchema.parse({
      schemaVersion: 1,
      id: "vip",
      name: "VIP",
      start: "ask",
      variables: { vip: { type: "boolean", default: false } },
      nodes: [
        { id: "ask", kind: "collect", prompt: "Name?", slots: [{ name: "name", type: "text" }] },
        { id: "check", kind: "decide" },
        { id: "lounge", kind: "end", outcome: "vip" },
        { id: "normal", kind: "end", outcome: "normal" },
      ],
      edges: [
        { id: "e1", from: "ask", to: "check", trigger: { type: "filled" } },
        { id: "e2", from: "check", to: "lounge", trigger: { type: "condition", when: "vip" } },
        { id: "e3", from: "check", to: "normal", trigger: { type: "always" } },
      ],
    });
    const { yaml } = generatePathTests(flow, { flowRef: "./vip.flow.json" });
    const doc = parse(yaml) as { conversations: { turns: Record<string, unknown>[] }[] };
    expect(yaml).toContain("# TODO: make `vip` true at check (no sample value does); node expectations stop here");
    expect(doc.conversations[0]?.turns).toEqual([{ node: "ask" }, { user: "Alex" }]);
    expect(doc.conversations[1]?.turns).toEqual([{ node: "ask" }, { user: "Alex", node: "normal", ended: true, outcome: "normal" }]);
  });

  it("answers a past-only date slot with yesterday and a time slot within its hours", async () => {
    const { yaml } = await generate("examples/clinic/clinic.flow.json");
    expect(yaml).toContain('- user: "yesterday"\n        node: "ask_new_time"');
    expect(yaml).toContain('- user: "12 pm"');
  });

  it("walks into subflows with qualified node ids", async () => {
    const { yaml } = await generate("examples/clinic/clinic.flow.json");
    expect(yaml).toContain('node: "verify/ask_identity"');
  });

  it("generates a file that voxchart test runs and passes on the restaurant example", async () => {
    const dir = await tempDir();
    const { yaml } = await generate("examples/restaurant/restaurant.flow.json");
    await writeFile(join(dir, "restaurant.paths.test.yaml"), yaml);
    const summary = await runTests([dir], dir);
    expect(summary.results[0]?.conversations.filter((c) => !c.passed).map((c) => c.failure?.message)).toEqual([]);
    expect(summary.passed).toBe(11);
    expect(summary.coverage[0]?.nodes).toMatchObject({ covered: 13, total: 13 });
  });

  it("writes what the simulation answers on each path as bot expectations, and the file passes", async () => {
    const loaded = await loadFlow("examples/restaurant/restaurant.flow.json", { cwd: REPO_ROOT });
    if (!loaded.flow || !loaded.compiled) throw new Error("flow does not load");
    const settings = { flowRef: join(REPO_ROOT, "examples/restaurant/restaurant.flow.json"), now: "2026-11-25T09:00:00Z" };
    const first = generatePathTests(loaded.flow, settings);
    const parsed = parseTestFile(first.yaml, "gen.test.yaml");
    if (!parsed.ok) throw new Error("the first pass does not parse");
    const recorded = await recordBotLines(loaded.compiled, parsed.testFile);
    const { yaml } = generatePathTests(loaded.flow, { ...settings, recorded });
    const doc = parse(yaml) as { conversations: { name: string; turns: Record<string, unknown>[] }[] };
    const large = doc.conversations[0];
    expect(large?.turns[0]).toEqual({ bot: "Welcome to Trattoria Roma. For which day, what time, and how many people?", node: "ask" });
    expect(large?.turns[3]).toMatchObject({ user: "10", bot: "A table for 10 on Thursday, November 26 at 7 pm. Shall I check?" });
    const dir = await tempDir();
    await writeFile(join(dir, "restaurant.paths.test.yaml"), yaml);
    const summary = await runTests([dir], dir);
    expect(summary.results[0]?.conversations.filter((c) => !c.passed).map((c) => c.failure?.message)).toEqual([]);
    expect(summary.passed).toBe(11);
  });

  it("stops writing bot expectations where the simulation leaves the path, and says where it went", async () => {
    const loaded = await loadFlow("examples/restaurant/restaurant.flow.json", { cwd: REPO_ROOT });
    if (!loaded.flow) throw new Error("flow does not load");
    const astray = [[{ bot: "Welcome.", node: "ask" }, { bot: "Sorry?", node: "handoff" }, { bot: "Later.", node: "ask" }]];
    const { yaml } = generatePathTests(loaded.flow, { flowRef: "./restaurant.flow.json", recorded: astray });
    const doc = parse(yaml) as { conversations: { turns: Record<string, unknown>[] }[] };
    expect(doc.conversations[0]?.turns.slice(0, 3)).toEqual([{ bot: "Welcome.", node: "ask" }, { user: "tomorrow", node: "ask" }, { user: "7 pm", node: "ask" }]);
    expect(yaml).toContain("# the simulation rests at handoff here, not ask: check the sample values and stubs");
  });
});

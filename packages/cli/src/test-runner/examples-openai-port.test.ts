import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTestFile, runConversation, understandLocally } from "@voxchart/engine";
import type { CompiledFlow, ParsedIntent } from "@voxchart/flow";
import { createOpenAiCompatibleServer, createOpenAiGeneration } from "@voxchart/providers";
import type { ChatRequest } from "@voxchart/providers";
import { findTestFiles } from "../test-file/find-test-files";
import { loadFlow } from "../load/load-flow";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * The test server's model for one flow: it behaves as the offline model does — it calls the exit
 * whose examples match the caller's last words, else says the node's localReply — but it is reached
 * through the real `openai` SDK over HTTP, with streamed text and streamed tool calls.
 */
function modelFor(compiled: CompiledFlow) {
  const intents = new Map<string, ParsedIntent>();
  for (const node of compiled.nodes.values()) for (const i of [...node.exits, ...node.globals]) intents.set(i.name, i);
  const conversations = [...compiled.nodes.values()].flatMap((n) => (n.node.kind === "conversation" ? [n.node] : []));
  return (request: ChatRequest, now: Date) => {
    const text = (role: string) =>
      request.messages
        .filter((m) => m.role === role)
        .map((m) => (typeof m.content === "string" ? m.content : ""))
        .at(-1) ?? "";
    const offered = (request.tools ?? []).flatMap((t) => {
      const name = (t as { function?: { name?: string } }).function?.name;
      const intent = name ? intents.get(name) : undefined;
      return intent ? [intent] : [];
    });
    const lastUser = text("user");
    if (lastUser && offered.length) {
      const result = understandLocally({ text: lastUser, intents: offered, slots: [], expectConfirmation: false, now });
      if (result.intent) return { type: "tool_calls" as const, calls: [{ name: result.intent.name, arguments: result.intent.arguments }], argumentChunkChars: 7 };
    }
    const system = text("system");
    const node = conversations.find((c) => system.includes(c.task.split("{{")[0]?.trim() ?? c.task));
    const reply = node?.localReply;
    if (!reply || reply.includes("{{")) throw new Error(`the test model has no fixed reply for: ${system.slice(0, 80)}`);
    return { type: "text" as const, text: reply };
  };
}

describe("the examples on the OpenAI-compatible port", () => {
  const servers: { close(): Promise<void> }[] = [];
  let files: string[] = [];
  beforeAll(async () => {
    files = await findTestFiles([resolve(root, "examples")], root);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it("pass every conversation test, with the model reached through the openai SDK", async () => {
    let conversationsWithModelCalls = 0;
    for (const file of files) {
      const parsed = parseTestFile(await readFile(file, "utf8"), file);
      if (!parsed.ok) throw new Error(`${file} does not parse`);
      const flow = await loadFlow(resolve(dirname(file), parsed.testFile.flow), { cwd: root });
      const compiled = flow.compiled;
      if (!compiled) throw new Error(`${flow.file} does not compile`);
      const server = await createOpenAiCompatibleServer({ chatResponder: modelFor(compiled) });
      servers.push(server);
      const generation = createOpenAiGeneration({ model: "test-model", baseURL: server.url, apiKey: "test-key", maxRetries: 0 }, {});
      const startAt = parsed.testFile.now !== undefined ? Date.parse(parsed.testFile.now) : undefined;
      for (const conversation of parsed.testFile.conversations) {
        const before = server.requests.length;
        const result = await runConversation(compiled, conversation, {
          stubs: parsed.testFile.tools ?? {},
          generation,
          ...(startAt !== undefined ? { startAt } : {}),
        });
        expect(result.failure, `${file}: ${conversation.name}`).toBeFalsy();
        if (server.requests.length > before) conversationsWithModelCalls++;
      }
    }
    // The tutor's drill is an LLM node: its conversations really went over HTTP.
    expect(conversationsWithModelCalls).toBeGreaterThan(3);
  }, 120_000);
});

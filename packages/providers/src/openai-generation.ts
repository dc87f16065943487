import type OpenAI from "openai";
import { ProviderError, type GenerateChunk, type GenerateRequest, type GenerationPort } from "@voxchart/engine";
import { ABORTED_CODE, openWithRetries } from "./attempts";
import { intentTool, type IntentTool } from "./intent-tools";
import { createOpenAiClient, resolveOpenAiConfig, retryPolicyOf, type Env, type OpenAiConfigInput } from "./openai-config";
import { isAbortError, toProviderError } from "./provider-errors";
import { parseToolArguments } from "./slot-schemas";
import { ToolCallAssembler } from "./tool-call-assembler";

type Chunk = OpenAI.Chat.Completions.ChatCompletionChunk;

export type OpenAiGenerationConfig = OpenAiConfigInput;

/**
 * GenerationPort over an OpenAI-compatible chat completions endpoint: streamed text, the node's
 * exits as functions. Retries happen before the first token only; after it, a failure surfaces.
 */
export function createOpenAiGeneration(input: OpenAiGenerationConfig, env?: Env): GenerationPort {
  const config = resolveOpenAiConfig(input, env);
  const client = createOpenAiClient(config);
  const policy = retryPolicyOf(config);

  async function* generate(request: GenerateRequest): AsyncGenerator<GenerateChunk> {
    if (request.signal.aborted) return;
    const tools = new Map<string, IntentTool>(request.exits.map((exit) => [exit.name, intentTool(exit, { allOptional: false })]));
    const params: OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming = {
      model: request.model ?? config.model,
      messages: [{ role: "system", content: request.system }, ...request.messages.map((m) => ({ ...m }))],
      stream: true,
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      // One exit per turn: the engine leaves the node on the first one.
      ...(tools.size === 0 ? {} : { tools: [...tools.values()].map((t) => t.tool), tool_choice: "auto", parallel_tool_calls: false }),
    };

    let opened;
    try {
      opened = await openWithRetries(
        async (signal) => {
          const stream = await client.chat.completions.create(params, { signal });
          const iterator = stream[Symbol.asyncIterator]();
          // Read up to the first token, so a failure before it is still retryable.
          const head: Chunk[] = [];
          for (;;) {
            const next = await iterator.next();
            // The SDK ends a stream quietly on abort; our timeout aborts too, so tell them apart.
            if (next.done && signal.aborted) throw new Error("the stream was aborted before the first token");
            if (next.done) return { iterator, head, ended: true };
            head.push(next.value);
            if (hasToken(next.value)) return { iterator, head, ended: false };
          }
        },
        { operation: "generation", policy, timeoutMs: config.timeoutMs, signal: request.signal },
      );
    } catch (error) {
      if (error instanceof ProviderError && error.code === ABORTED_CODE) return;
      throw error;
    }

    const { value, attempt } = opened;
    const assembler = new ToolCallAssembler();
    try {
      const chunks = streamFrom(value.head, value.ended ? undefined : value.iterator);
      for await (const chunk of chunks) {
        const choice = chunk.choices[0];
        if (!choice) continue;
        if (choice.delta.content) yield { type: "text", text: choice.delta.content };
        if (choice.delta.tool_calls) assembler.add(choice.delta.tool_calls);
      }
    } catch (error) {
      if (request.signal.aborted || (isAbortError(error) && request.signal.aborted)) return;
      const cause = toProviderError(error, "generation");
      // Text already reached the caller (and maybe the user's ears): retrying would repeat it.
      throw new ProviderError("provider/stream-interrupted", `generation: the stream broke after the first token: ${cause.message}`, {
        retryable: false,
        ...(cause.status === undefined ? {} : { status: cause.status }),
        cause,
      });
    } finally {
      attempt.release();
    }
    if (request.signal.aborted) return;

    const [call] = assembler.calls();
    if (!call) return;
    const tool = tools.get(call.name);
    if (!tool) {
      throw new ProviderError("provider/unknown-tool", `generation: the model called "${call.name}", which is not an exit here`, {
        retryable: false,
      });
    }
    const parsed = parseToolArguments(tool.schema, call.arguments);
    if (!parsed.ok) {
      throw new ProviderError("provider/bad-tool-arguments", `generation: arguments of "${call.name}" are invalid: ${parsed.reason}`, {
        retryable: false,
      });
    }
    yield { type: "exit", name: call.name, arguments: parsed.value };
  }

  return { name: `openai:${config.model}`, generate };
}

function hasToken(chunk: Chunk): boolean {
  const delta = chunk.choices[0]?.delta;
  return Boolean(delta && (delta.content || (delta.tool_calls && delta.tool_calls.length > 0)));
}

async function* streamFrom(head: readonly Chunk[], rest: AsyncIterator<Chunk> | undefined): AsyncGenerator<Chunk> {
  yield* head;
  if (!rest) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

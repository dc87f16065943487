import type { ServerResponse } from "node:http";
import type { ParsedChatStep } from "./script";
import type { ChatRequest } from "./wire";
import { delay, sendJson } from "./http-helpers";

type TextStep = Extract<ParsedChatStep, { type: "text" }>;
type ToolStep = Extract<ParsedChatStep, { type: "tool_calls" }>;

export interface ChatReplyContext {
  res: ServerResponse;
  request: ChatRequest;
  requestId: number;
  /** Aborts when the client goes away; every wait observes it. */
  gone: AbortSignal;
  /** From the `x-test-latency-ms` header, overriding the step's first-token delay. */
  latencyMs: number | undefined;
  defaults: { firstTokenDelayMs: number; interTokenDelayMs: number };
}

/** Writes a text or tool-call step as a chat.completion, or as chat.completion.chunk SSE events ending in [DONE]. */
export async function writeChatReply(step: TextStep | ToolStep, ctx: ChatReplyContext): Promise<void> {
  const firstDelay = ctx.latencyMs ?? step.firstTokenDelayMs ?? ctx.defaults.firstTokenDelayMs;
  const interDelay = step.interTokenDelayMs ?? ctx.defaults.interTokenDelayMs;
  const id = `chatcmpl-test-${ctx.requestId}`;
  const created = Math.floor(Date.now() / 1000);
  const model = ctx.request.model;
  const calls = step.type === "tool_calls" ? toolCalls(step, ctx.requestId) : [];
  const text = step.text ?? "";
  const finishReason = calls.length > 0 ? "tool_calls" : "stop";

  if (!ctx.request.stream) {
    if (!(await delay(firstDelay, ctx.gone))) return;
    sendJson(ctx.res, 200, {
      id,
      object: "chat.completion",
      created,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: calls.length > 0 && text === "" ? null : text,
            refusal: null,
            ...(calls.length > 0
              ? { tool_calls: calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })) }
              : {}),
          },
          finish_reason: finishReason,
          logprobs: null,
        },
      ],
      usage: usage(ctx.request, text),
    });
    return;
  }

  const res = ctx.res;
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
  const send = (delta: Record<string, unknown>, finish: string | null = null): void => {
    const chunk = { id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] };
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  };
  // The role arrives first, before any token, as real servers do.
  send({ role: "assistant", content: "" });
  if (!(await delay(firstDelay, ctx.gone))) return;

  const pieces = step.type === "text" ? (step.chunks ?? splitWords(text)) : splitWords(text);
  let sent = 0;
  for (const piece of pieces) {
    if (sent > 0 && !(await delay(interDelay, ctx.gone))) return;
    if (step.type === "text" && step.breakAfterChunks !== undefined && sent >= step.breakAfterChunks) {
      // End the socket once the written chunks are flushed: the client sees them, then a truncated body.
      res.socket?.destroySoon();
      return;
    }
    send({ content: piece });
    sent++;
  }
  for (const [index, call] of calls.entries()) {
    if (sent > 0 && !(await delay(interDelay, ctx.gone))) return;
    send({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }] });
    sent++;
    for (const fragment of splitEvery(call.arguments, step.type === "tool_calls" ? step.argumentChunkChars : 7)) {
      if (!(await delay(interDelay, ctx.gone))) return;
      send({ tool_calls: [{ index, function: { arguments: fragment } }] });
    }
  }
  send({}, finishReason);
  if (ctx.request.stream_options?.include_usage) {
    res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage: usage(ctx.request, text) })}\n\n`);
  }
  res.end("data: [DONE]\n\n");
}

function toolCalls(step: ToolStep, requestId: number): Array<{ id: string; name: string; arguments: string }> {
  return step.calls.map((call, i) => ({
    id: `call_${requestId}_${i}`,
    name: call.name,
    arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
  }));
}

/** Word-sized pieces, each keeping its leading space, like model tokens. */
export function splitWords(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

function splitEvery(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** A rough count (words), so clients reading usage see plausible numbers. */
function usage(request: ChatRequest, completion: string): Record<string, number> {
  const prompt = JSON.stringify(request.messages).split(/\s+/).length;
  const completionTokens = splitWords(completion).length;
  return { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens };
}

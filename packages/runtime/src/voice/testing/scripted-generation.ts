import type { GenerateChunk, GenerateRequest, GenerationPort } from "@voxchart/engine";
import { wait } from "./wait";

export interface ScriptedGenerationOptions {
  /** Time from the request to the first token. Default 400. */
  firstTokenMs?: number;
  /** Time between tokens (a token is a word and its trailing space). Default 30. */
  perTokenMs?: number;
  /** The answer, or one per request (the last repeats). */
  replies: string | readonly string[];
}

export interface GenerationCall {
  request: GenerateRequest;
  startedAt: number;
  firstTokenAt?: number;
  finishedAt?: number;
  aborted: boolean;
}

/** A language model stand-in with fixed latencies (real time) that streams a scripted answer word by word. */
export function createScriptedGeneration(options: ScriptedGenerationOptions): GenerationPort & { readonly calls: GenerationCall[] } {
  const replies = typeof options.replies === "string" ? [options.replies] : options.replies;
  const firstTokenMs = options.firstTokenMs ?? 400;
  const perTokenMs = options.perTokenMs ?? 30;
  const calls: GenerationCall[] = [];

  return {
    name: "scripted",
    calls,
    async *generate(request): AsyncIterable<GenerateChunk> {
      const call: GenerationCall = { request, startedAt: performance.now(), aborted: false };
      const reply = replies[Math.min(calls.length, replies.length - 1)] ?? "";
      calls.push(call);
      request.signal.addEventListener("abort", () => (call.aborted = true), { once: true });
      try {
        await wait(firstTokenMs, request.signal);
        const tokens = reply.split(/(?<= )/);
        for (const [i, token] of tokens.entries()) {
          call.firstTokenAt ??= performance.now();
          yield { type: "text", text: token };
          if (i < tokens.length - 1) await wait(perTokenMs, request.signal);
        }
        call.finishedAt = performance.now();
      } catch {
        return;
      }
    },
  };
}

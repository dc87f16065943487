import type { SessionClock } from "../clock/clock";
import { sleep } from "../clock/clock";
import type { GenerateChunk, GenerateRequest, GenerationPort } from "../ports/generation";

/** A model stand-in with fixed latencies on the session clock, recording aborts (for tests). */
export function createTimedGeneration(clock: SessionClock, options: { firstTokenMs: number; perTokenMs: number; text: string }) {
  const calls: { request: GenerateRequest; aborted: boolean; tokens: number }[] = [];
  const port: GenerationPort = {
    name: "timed",
    async *generate(request): AsyncIterable<GenerateChunk> {
      const call = { request, aborted: false, tokens: 0 };
      calls.push(call);
      request.signal.addEventListener("abort", () => (call.aborted = true), { once: true });
      try {
        await sleep(clock, options.firstTokenMs, request.signal);
        for (const token of options.text.split(/(?<= )/)) {
          call.tokens++;
          yield { type: "text", text: token };
          await sleep(clock, options.perTokenMs, request.signal);
        }
      } catch {
        return;
      }
    },
  };
  return { port, calls };
}

/**
 * Behaviour every GenerationPort must show, whatever model is behind it. Written against the
 * port alone so the engine's local generation can run it too; the factory supplies the backends.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedIntent } from "@voxchart/flow";
import { ProviderError, type GenerateChunk, type GenerateRequest, type GenerationPort } from "@voxchart/engine";

export interface GenerationConformanceSubject {
  /** A port whose backend answers normally. */
  port: GenerationPort;
  /** A port whose replies stream with a pause (at least 20 ms) between tokens; omit to skip the timing checks. */
  slowPort?: GenerationPort;
  /** A port whose backend fails every request; omit to skip the error check. */
  failingPort?: GenerationPort;
  dispose?(): Promise<void> | void;
}

export type GenerationConformanceFactory = () => Promise<GenerationConformanceSubject> | GenerationConformanceSubject;

export const CONFORMANCE_EXITS: readonly ParsedIntent[] = [
  {
    name: "book_table",
    description: "Book a table at the restaurant.",
    examples: ["I want to book a table for four people", "reserve a table"],
    arguments: [{ name: "party_size", type: "integer", required: true, description: "number of people" }],
  },
  {
    name: "cancel_booking",
    description: "Cancel an existing booking.",
    examples: ["cancel my booking", "I need to cancel"],
  },
];

function request(text: string, overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    system: "You are the host of a small restaurant. Help the caller book a table.",
    messages: [{ role: "user", content: text }],
    exits: [],
    localReply: "I can help you book a table.",
    signal: new AbortController().signal,
    ...overrides,
  };
}

async function collect(stream: AsyncIterable<GenerateChunk>): Promise<GenerateChunk[]> {
  const chunks: GenerateChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

export function describeGenerationConformance(name: string, factory: GenerationConformanceFactory): void {
  describe(`GenerationPort conformance: ${name}`, () => {
    let subject: GenerationConformanceSubject;
    beforeAll(async () => {
      subject = await factory();
    });
    afterAll(async () => {
      await subject.dispose?.();
    });

    it("streams a text reply as text chunks when no exit is offered", async () => {
      const chunks = await collect(subject.port.generate(request("Hello, who am I speaking to?")));
      expect(chunks.length).toBeGreaterThan(0);
      expect(chunks.every((c) => c.type === "text")).toBe(true);
      const text = chunks.map((c) => (c.type === "text" ? c.text : "")).join("");
      expect(text.trim().length).toBeGreaterThan(0);
    });

    it("calls the matching exit once, last, with typed arguments", async () => {
      const chunks = await collect(
        subject.port.generate(request("I want to book a table for 4 people", { exits: CONFORMANCE_EXITS })),
      );
      const exits = chunks.filter((c) => c.type === "exit");
      expect(exits).toHaveLength(1);
      expect(chunks.at(-1)).toEqual({ type: "exit", name: "book_table", arguments: { party_size: 4 } });
    });

    it("yields nothing when the signal is already aborted", async () => {
      const controller = new AbortController();
      controller.abort();
      const chunks = await collect(subject.port.generate(request("Hello there", { signal: controller.signal })));
      expect(chunks).toEqual([]);
    });

    it("delivers the first text chunk before the reply is complete", async (ctx) => {
      if (!subject.slowPort) return ctx.skip();
      const start = performance.now();
      const arrivals: number[] = [];
      for await (const chunk of subject.slowPort.generate(request("Tell me about your menu today please"))) {
        expect(chunk.type).toBe("text");
        arrivals.push(performance.now() - start);
      }
      expect(arrivals.length).toBeGreaterThan(1);
      const last = arrivals.at(-1) ?? 0;
      expect(last - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(15);
    });

    it("ends quietly and promptly when aborted mid-stream", async (ctx) => {
      if (!subject.slowPort) return ctx.skip();
      const controller = new AbortController();
      const iterator = subject.slowPort.generate(request("Tell me about your menu today please", { signal: controller.signal }))[
        Symbol.asyncIterator
      ]();
      const first = await iterator.next();
      expect(first.done).toBe(false);
      const abortedAt = performance.now();
      controller.abort();
      let next = await iterator.next();
      // A chunk already in flight may still arrive; nothing after that.
      if (!next.done) next = await iterator.next();
      expect(next.done).toBe(true);
      expect(performance.now() - abortedAt).toBeLessThan(200);
    });

    it("surfaces a failing backend as a ProviderError with code and retryable", async (ctx) => {
      const failing = subject.failingPort;
      if (!failing) return ctx.skip();
      const error: unknown = await collect(failing.generate(request("Hello there"))).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProviderError);
      const providerError = error as ProviderError;
      expect(providerError.code).toMatch(/\S/);
      expect(typeof providerError.retryable).toBe("boolean");
    });
  });
}

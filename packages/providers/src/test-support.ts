import OpenAI from "openai";
import { createServer } from "node:net";

/** A local port nothing listens on (bound, then released), for connection-refused cases. */
export async function unusedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

/**
 * Aborts one SDK stream against the server. The first abort in a Node process pays one-off
 * lazy-loading and JIT costs in fetch and the SDK (50-240 ms measured here, against 1-3 ms warm);
 * timing assertions measure the warm behaviour.
 */
export async function warmUpAbortPath(baseURL: string): Promise<void> {
  const client = new OpenAI({ baseURL, apiKey: "warm-up", maxRetries: 0 });
  for (let round = 0; round < 2; round++) {
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: "warm-up", stream: true, messages: [{ role: "user", content: "warm up the abort path" }] },
      // The role chunk comes at once, the tokens only after this delay: the abort cuts a live stream.
      { signal: controller.signal, headers: { "x-test-latency-ms": "5000" } },
    );
    for await (const _chunk of stream) controller.abort();
  }
}

/**
 * Measures how late 5 ms timers fire, i.e. how long this process was not scheduled. On a loaded
 * 2-core machine that alone can exceed 100 ms, which says nothing about the code under test, so
 * latency assertions subtract it.
 */
export function startSchedulingLagProbe(): { stop(): number } {
  let expected = performance.now() + 5;
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - expected);
    expected = now + 5;
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return worst;
    },
  };
}

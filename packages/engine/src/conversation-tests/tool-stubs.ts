import { sleep } from "../clock/clock";
import type { SessionClock } from "../clock/clock";
import type { ToolRegistry } from "../ports/tools";
import type { ToolStub, ToolStubs } from "@voxchart/flow";

const HTTP_KEY = /^(?:(GET|POST|PUT|PATCH|DELETE)\s+)?(https?:\/\/\S+)$/i;

export interface StubbedTools {
  readonly tools: ToolRegistry;
  /** Answers stubbed HTTP tool URLs; anything else goes to the real network. */
  readonly fetch: typeof fetch;
}

/** A stub list answers successive calls in turn; its last entry repeats. */
function sequence(stub: ToolStub | readonly ToolStub[]): () => ToolStub {
  const list = Array.isArray(stub) ? stub : [stub as ToolStub];
  let calls = 0;
  return () => list[Math.min(calls++, list.length - 1)] as ToolStub;
}

/**
 * Turns a test file's tool stubs into engine tool functions (and a fetch for HTTP tool nodes),
 * taking their latency in the session's virtual time. `extra` functions (from --tools) are kept
 * for names without a stub; `unstubbed` answers HTTP calls no stub matches (the network by default).
 */
export function createStubTools(stubs: ToolStubs, clock: SessionClock, extra: ToolRegistry = {}, unstubbed: typeof fetch = fetch): StubbedTools {
  const tools: Record<string, ToolRegistry[string]> = { ...extra };
  const http: { method: string | null; url: string; next: () => ToolStub }[] = [];
  for (const [name, stub] of Object.entries(stubs)) {
    const next = sequence(stub);
    const match = HTTP_KEY.exec(name);
    if (match) {
      http.push({ method: match[1]?.toUpperCase() ?? null, url: match[2] as string, next });
      continue;
    }
    tools[name] = async (_args, call) => {
      const s = next();
      if (s.latencyMs) await sleep(clock, s.latencyMs, call.signal);
      if ("error" in s) throw new Error(s.error);
      return s.result;
    };
  }
  const stubbedFetch: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? "GET").toUpperCase();
    const bare = url.split("?")[0];
    const entry = http.find((h) => (h.method === null || h.method === method) && (h.url === url || h.url === bare));
    if (!entry) return unstubbed(input, init);
    const s = entry.next();
    if (s.latencyMs) await sleep(clock, s.latencyMs, init?.signal ?? undefined);
    if ("error" in s) return new Response(s.error, { status: 500, headers: { "content-type": "text/plain" } });
    return new Response(JSON.stringify(s.result), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { tools, fetch: stubbedFetch };
}

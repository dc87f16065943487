import type { JsonValue } from "@voxchart/flow";
import type { SessionClock } from "../clock/clock";
import type { ToolRegistry } from "../ports/tools";

export type ToolTarget =
  | { type: "function"; name: string }
  | { type: "http"; url: string; method: string; headers: Record<string, string> };

export interface ToolRun {
  nodeId: string;
  name: string;
  target: ToolTarget;
  args: Record<string, JsonValue>;
  timeoutMs: number;
}

export type ToolOutcome = { ok: true; result: JsonValue } | { ok: false; error: string };

export interface ToolRunnerOptions {
  tools: ToolRegistry;
  clock: SessionClock;
  fetch?: typeof fetch;
}

/** Runs a tool node's call: a registered function or an HTTP webhook, bounded by its timeout. */
export async function runTool(run: ToolRun, options: ToolRunnerOptions, signal: AbortSignal): Promise<ToolOutcome> {
  // The tool's own signal: aborted by the caller's signal or by the timeout, never on a normal finish.
  const controller = new AbortController();
  let timer: unknown = null;
  const stopped = new Promise<ToolOutcome>((resolve) => {
    const cancel = () => resolve({ ok: false, error: "cancelled" });
    controller.signal.addEventListener("abort", cancel, { once: true });
    timer = options.clock.setTimeout(
      () => {
        timer = null;
        resolve({ ok: false, error: `the tool "${run.name}" did not answer within ${run.timeoutMs} ms` });
        controller.abort(new Error("timeout"));
      },
      run.timeoutMs,
      { deadline: true },
    );
  });
  const abort = () => controller.abort(signal.reason);
  if (signal.aborted) abort();
  else signal.addEventListener("abort", abort, { once: true });
  try {
    return await Promise.race([invoke(run, options, controller.signal), stopped]);
  } finally {
    signal.removeEventListener("abort", abort);
    if (timer !== null) options.clock.clearTimeout(timer);
  }
}

async function invoke(run: ToolRun, options: ToolRunnerOptions, signal: AbortSignal): Promise<ToolOutcome> {
  try {
    if (run.target.type === "function") {
      const fn = options.tools[run.target.name];
      if (!fn) return { ok: false, error: `no tool function is registered under the name "${run.target.name}"` };
      const result = await fn(run.args, { nodeId: run.nodeId, name: run.name, args: run.args, signal });
      return { ok: true, result: result ?? null };
    }
    const doFetch = options.fetch ?? fetch;
    const hasBody = run.target.method !== "GET" && run.target.method !== "DELETE";
    const url = hasBody ? run.target.url : withQuery(run.target.url, run.args);
    const response = await doFetch(url, {
      method: run.target.method,
      headers: { "content-type": "application/json", accept: "application/json", ...run.target.headers },
      ...(hasBody ? { body: JSON.stringify(run.args) } : {}),
      signal,
    });
    const text = await response.text();
    if (!response.ok) return { ok: false, error: `the webhook answered HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}` };
    if (!text) return { ok: true, result: null };
    try {
      return { ok: true, result: JSON.parse(text) as JsonValue };
    } catch {
      return { ok: true, result: text };
    }
  } catch (error) {
    if (signal.aborted) return { ok: false, error: "cancelled" };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function withQuery(url: string, args: Record<string, JsonValue>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(args)) u.searchParams.set(k, typeof v === "string" ? v : JSON.stringify(v));
  return u.toString();
}

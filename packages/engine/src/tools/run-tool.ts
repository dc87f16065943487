import type { JsonValue } from "@voxchart/flow";
import type { SessionClock } from "../clock/clock";
import type { ToolCall, ToolRegistry } from "../ports/tools";
import type { LazyAbort } from "../cancel/lazy-abort";

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

/**
 * Runs a tool node's call: a registered function or an HTTP webhook, bounded by its timeout.
 * `cancel` belongs to this run: aborting it (the session stopping) ends the run as "cancelled",
 * and the timeout aborts it, so the tool's signal tells the tool to stop either way.
 */
export function runTool(run: ToolRun, options: ToolRunnerOptions, cancel: LazyAbort): Promise<ToolOutcome> {
  return new Promise<ToolOutcome>((resolve) => {
    let done = false;
    const finish = (outcome: ToolOutcome) => {
      if (done) return;
      done = true;
      options.clock.clearTimeout(timer);
      cancel.onAbort(null);
      resolve(outcome);
    };
    const timer = options.clock.setTimeout(
      () => {
        finish({ ok: false, error: `the tool "${run.name}" did not answer within ${run.timeoutMs} ms` });
        cancel.abort(new Error("timeout"));
      },
      run.timeoutMs,
      { deadline: true },
    );
    if (cancel.aborted) return finish({ ok: false, error: "cancelled" });
    cancel.onAbort(() => finish({ ok: false, error: "cancelled" }));
    void invoke(run, options, cancel).then(finish);
  });
}

async function invoke(run: ToolRun, options: ToolRunnerOptions, cancel: LazyAbort): Promise<ToolOutcome> {
  try {
    if (run.target.type === "function") {
      const fn = options.tools[run.target.name];
      if (!fn) return { ok: false, error: `no tool function is registered under the name "${run.target.name}"` };
      const call: ToolCall = {
        nodeId: run.nodeId,
        name: run.name,
        args: run.args,
        get signal() {
          return cancel.signal;
        },
      };
      const result = await fn(run.args, call);
      return { ok: true, result: result ?? null };
    }
    const doFetch = options.fetch ?? fetch;
    const hasBody = run.target.method !== "GET" && run.target.method !== "DELETE";
    const url = hasBody ? run.target.url : withQuery(run.target.url, run.args);
    const response = await doFetch(url, {
      method: run.target.method,
      headers: { "content-type": "application/json", accept: "application/json", ...run.target.headers },
      ...(hasBody ? { body: JSON.stringify(run.args) } : {}),
      signal: cancel.signal,
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
    if (cancel.aborted) return { ok: false, error: "cancelled" };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function withQuery(url: string, args: Record<string, JsonValue>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(args)) u.searchParams.set(k, typeof v === "string" ? v : JSON.stringify(v));
  return u.toString();
}

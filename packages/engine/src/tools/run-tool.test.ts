import { describe, expect, it } from "vitest";
import { createVirtualClock } from "../clock/virtual-clock";
import type { ToolCall } from "../ports/tools";
import { LazyAbort } from "../cancel/lazy-abort";
import { runTool } from "./run-tool";
import type { ToolRun } from "./run-tool";

const call = (name: string, timeoutMs = 1000): ToolRun => ({ nodeId: "check", name, target: { type: "function", name }, args: { day: "friday" }, timeoutMs });

describe("runTool", () => {
  it("returns a function tool's result, with the call's node, name and arguments", async () => {
    const clock = createVirtualClock(0);
    let seen: Omit<ToolCall, "signal"> | null = null;
    const outcome = await runTool(call("lookup"), { clock, tools: { lookup: (args, c) => ((seen = { nodeId: c.nodeId, name: c.name, args: c.args }), { free: args.day === "friday" }) } }, new LazyAbort());
    expect(outcome).toEqual({ ok: true, result: { free: true } });
    expect(seen).toEqual({ nodeId: "check", name: "lookup", args: { day: "friday" } });
    expect(clock.pendingTimers()).toBe(0);
  });

  it("reports a missing function and a thrown error as failures", async () => {
    const clock = createVirtualClock(0);
    expect(await runTool(call("nope"), { clock, tools: {} }, new LazyAbort())).toEqual({ ok: false, error: 'no tool function is registered under the name "nope"' });
    const thrown = await runTool(call("boom"), { clock, tools: { boom: () => Promise.reject(new Error("database down")) } }, new LazyAbort());
    expect(thrown).toEqual({ ok: false, error: "database down" });
  });

  it("fails after the timeout and aborts the tool's signal", async () => {
    const clock = createVirtualClock(0);
    let signal: AbortSignal | null = null;
    const pending = runTool(call("slow", 500), { clock, tools: { slow: (_args, c) => ((signal = c.signal), new Promise(() => {})) } }, new LazyAbort());
    await clock.advance(500);
    expect(await pending).toEqual({ ok: false, error: 'the tool "slow" did not answer within 500 ms' });
    expect(signal!.aborted).toBe(true);
  });

  it("ends as cancelled when its cancellation is aborted, and the tool sees the reason", async () => {
    const clock = createVirtualClock(0);
    const cancel = new LazyAbort();
    let signal: AbortSignal | null = null;
    const pending = runTool(call("slow"), { clock, tools: { slow: (_args, c) => ((signal = c.signal), new Promise(() => {})) } }, cancel);
    await clock.flush();
    cancel.abort(new Error("session stopped"));
    expect(await pending).toEqual({ ok: false, error: "cancelled" });
    expect((signal!.reason as Error).message).toBe("session stopped");
    expect(clock.pendingTimers()).toBe(0);
  });

  it("calls an HTTP webhook with the arguments as the query of a GET and parses the JSON answer", async () => {
    const clock = createVirtualClock(0);
    const requests: { url: string; method: string | undefined }[] = [];
    const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
      requests.push({ url: String(url), method: init?.method });
      return new Response(JSON.stringify({ slots: 3 }), { status: 200 });
    }) as typeof globalThis.fetch;
    const run: ToolRun = { nodeId: "check", name: "check", target: { type: "http", url: "https://example.test/slots", method: "GET", headers: {} }, args: { day: "friday" }, timeoutMs: 1000 };
    expect(await runTool(run, { clock, tools: {}, fetch }, new LazyAbort())).toEqual({ ok: true, result: { slots: 3 } });
    expect(requests).toEqual([{ url: "https://example.test/slots?day=friday", method: "GET" }]);
  });
});

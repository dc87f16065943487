import { sleep } from "@voxchart/engine";
import type { SessionClock, ToolCall, ToolRegistry } from "@voxchart/engine";
import type { JsonValue } from "@voxchart/flow";

/** What a tools module gets besides the arguments: the session clock, for latency in virtual time. */
export interface ToolContext {
  readonly clock: SessionClock;
  /** Waits `ms` on the session clock (virtual in simulate and test); rejects when the call is cancelled. */
  sleep(ms: number): Promise<void>;
}

/** A tool function exported by a `--tools` module. */
export type ModuleToolFunction = (args: Record<string, JsonValue>, call: ToolCall, context: ToolContext) => Promise<JsonValue> | JsonValue;
export type ModuleTools = Readonly<Record<string, ModuleToolFunction>>;

/** Binds module tools to one session's clock, giving the engine plain tool functions. */
export function bindTools(tools: ModuleTools, clock: SessionClock): ToolRegistry {
  return Object.fromEntries(
    Object.entries(tools).map(([name, fn]) => [name, (args: Record<string, JsonValue>, call: ToolCall) => fn(args, call, { clock, sleep: (ms) => sleep(clock, ms, call.signal) })]),
  );
}

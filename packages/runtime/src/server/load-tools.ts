import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRealClock, sleep, type SessionClock, type ToolCall, type ToolRegistry } from "@voxchart/engine";
import type { JsonValue } from "@voxchart/flow";

type ModuleTool = (args: Record<string, JsonValue>, call: ToolCall, context: { clock: SessionClock; sleep(ms: number): Promise<void> }) => Promise<JsonValue> | JsonValue;

/**
 * The flow's tools from a JS/TS module (the same modules `voxchart simulate --tools` takes): its
 * named function exports and the functions of an object default export, called as
 * `(args, call, { clock, sleep })` on the real clock.
 */
export async function loadToolsModule(path: string, cwd: string): Promise<ToolRegistry> {
  const file = resolve(cwd, path);
  if (!(await stat(file).catch(() => null))?.isFile()) throw new Error(`${path}: no such tools module`);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const { default: fallback, ...named } = mod;
  const pick = (value: unknown) =>
    typeof value === "object" && value !== null ? Object.entries(value).filter((entry): entry is [string, ModuleTool] => typeof entry[1] === "function") : [];
  const tools = new Map<string, ModuleTool>([...pick(fallback), ...pick(named)]);
  if (tools.size === 0) throw new Error(`${path}: exports no functions; export one function per tool name`);
  const clock = createRealClock();
  return Object.fromEntries(
    [...tools].map(([name, fn]) => [name, (args: Record<string, JsonValue>, call: ToolCall) => fn(args, call, { clock, sleep: (ms) => sleep(clock, ms, call.signal) })]),
  );
}

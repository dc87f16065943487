import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ModuleToolFunction, ModuleTools } from "./bind-tools";
import { CliError } from "../cli-error";

function functionsOf(value: unknown): Record<string, ModuleToolFunction> {
  const out: Record<string, ModuleToolFunction> = {};
  if (typeof value !== "object" || value === null) return out;
  for (const [name, fn] of Object.entries(value)) if (typeof fn === "function") out[name] = fn as ModuleToolFunction;
  return out;
}

/**
 * Tool functions from a JS/TS module: its named function exports, and the functions of an
 * object default export (named exports win). Each is called as `(args, call, { clock, sleep })`.
 */
export async function loadToolModule(path: string, cwd: string): Promise<ModuleTools> {
  const full = resolve(cwd, path);
  if (!(await stat(full).catch(() => null))?.isFile()) throw new CliError("tools/load", `${path}: no such tools module`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
  } catch (error) {
    throw new CliError("tools/load", `${path}: the tools module failed to load: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { default: fallback, ...named } = mod;
  const tools = { ...functionsOf(fallback), ...functionsOf(named) };
  if (!Object.keys(tools).length) throw new CliError("tools/load", `${path}: exports no functions; export one function per tool name`);
  return tools;
}

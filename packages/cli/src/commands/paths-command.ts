import { mkdir, writeFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import { formatDiagnostic, hasErrors } from "@voxchart/flow";
import type { CliIo } from "../io";
import { CliError } from "../cli-error";
import { loadFlow } from "../load/load-flow";
import { generatePathTests } from "../paths/generate-path-tests";
import { recordBotLines } from "../paths/record-bot-lines";
import { parseTestFile } from "@voxchart/engine";

export interface PathsOptions {
  /** Write the skeleton here instead of stdout. */
  readonly output?: string;
  readonly now?: string;
  readonly maxPaths?: number;
  /** false (--no-bot): no `bot:` expectations, only nodes. */
  readonly bot?: boolean;
}

/** `voxchart paths`: a conversation test-file skeleton with one conversation per path. */
export async function runPaths(flowPath: string, options: PathsOptions, io: CliIo): Promise<number> {
  const loaded = await loadFlow(flowPath, { cwd: io.cwd });
  if (!loaded.flow || hasErrors(loaded.diagnostics)) {
    for (const d of loaded.diagnostics) io.err(formatDiagnostic(d));
    throw new CliError("flow/invalid", `${loaded.file}: the flow has errors; fix them first (voxchart lint ${loaded.file})`);
  }
  if (options.now !== undefined && Number.isNaN(Date.parse(options.now))) throw new CliError("usage", `--now: "${options.now}" is not an ISO date-time`);
  const outFile = options.output ? resolve(io.cwd, options.output) : undefined;
  const base = outFile ? dirname(outFile) : io.cwd;
  let flowRef = relative(base, loaded.absolutePath).split(sep).join("/");
  if (!flowRef.startsWith(".")) flowRef = `./${flowRef}`;
  const settings = {
    flowRef,
    resolveSubflow: loaded.resolveSubflow,
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.maxPaths !== undefined ? { maxPaths: options.maxPaths } : {}),
  };
  let generated = generatePathTests(loaded.flow, settings);
  // A second pass writes what the simulation answers on each path as `bot:` expectations.
  const parsed = parseTestFile(generated.yaml, outFile ?? "paths.test.yaml");
  if (options.bot !== false && loaded.compiled && parsed.ok) {
    const recorded = await recordBotLines(loaded.compiled, parsed.testFile);
    generated = generatePathTests(loaded.flow, { ...settings, recorded });
  }
  if (!outFile) {
    io.out(generated.yaml);
    return 0;
  }
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, generated.yaml, "utf8");
  io.err(`wrote ${generated.conversations} conversation${generated.conversations === 1 ? "" : "s"} to ${options.output}`);
  return 0;
}

import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { ModuleTools } from "../simulate/bind-tools";
import type { CliIo } from "../io";
import { CliError } from "../cli-error";
import { coverageTargets } from "../coverage/coverage-targets";
import { emptyHits, mergeHits } from "../coverage/coverage-tracker";
import { flowCoverage, formatCoverage } from "../coverage/flow-coverage";
import type { FlowCoverage } from "../coverage/flow-coverage";
import type { LoadedFlow } from "../load/load-flow";
import { junitXml } from "../report/junit-xml";
import { findTestFiles } from "../test-file/find-test-files";
import { runTestFile } from "../test-runner/run-test-file";
import type { TestFileResult } from "../test-runner/run-test-file";
import { formatUpdates, updateTestFiles } from "../test-runner/update-test-files";

export interface TestOptions {
  /** Where the JUnit XML goes (relative to cwd). */
  readonly junit: string;
  readonly coverageJson?: string;
  readonly tools?: ModuleTools;
  /** Rewrite failing output checks to what the flow does now, then run again (`--update`). */
  readonly update?: boolean;
}

export interface TestRunSummary {
  readonly results: readonly TestFileResult[];
  readonly coverage: readonly FlowCoverage[];
  readonly passed: number;
  readonly failed: number;
  readonly turns: number;
  readonly durationMs: number;
}

/** Runs every conversation of the test files found under `paths`. */
export async function runTests(paths: readonly string[], cwd: string, tools?: ModuleTools): Promise<TestRunSummary> {
  const began = performance.now();
  const files = await findTestFiles(paths, cwd);
  if (!files.length) throw new CliError("file/not-found", `no test files (*.test.yaml, *.test.json) under ${paths.join(", ")}`);
  const flows = new Map<string, Promise<LoadedFlow>>();
  const results: TestFileResult[] = [];
  for (const file of files) results.push(await runTestFile(file, { cwd, flows, ...(tools ? { tools } : {}) }));

  const byFlow = new Map<string, { flow: LoadedFlow; hits: ReturnType<typeof emptyHits> }>();
  for (const r of results) {
    if (!r.flow?.compiled) continue;
    const entry = byFlow.get(r.flow.absolutePath) ?? { flow: r.flow, hits: emptyHits() };
    for (const c of r.conversations) mergeHits(entry.hits, c.hits);
    byFlow.set(r.flow.absolutePath, entry);
  }
  const coverage = [...byFlow.values()].flatMap(({ flow, hits }) =>
    flow.compiled ? [flowCoverage(flow.file, flow.compiled.flow.id, coverageTargets(flow.compiled), hits)] : [],
  );
  const conversations = results.flatMap((r) => r.conversations);
  const passed = conversations.filter((c) => c.passed).length;
  return {
    results,
    coverage,
    passed,
    failed: conversations.length - passed + results.filter((r) => r.problems.length).length,
    turns: conversations.reduce((n, c) => n + c.turns, 0),
    durationMs: performance.now() - began,
  };
}

/** One line per conversation, problems of broken files, and the summary line. */
export function formatTestResults(summary: TestRunSummary): string {
  const lines: string[] = [];
  for (const r of summary.results) {
    lines.push(r.file);
    for (const p of r.problems) lines.push(`  ✗ ${p}`);
    for (const c of r.conversations) lines.push(c.passed ? `  ✓ ${c.name}` : `  ✗ ${c.name}: ${c.failure?.message ?? "failed"}`);
  }
  const count = summary.results.reduce((n, r) => n + r.conversations.length, 0);
  lines.push(
    `${summary.passed} passed, ${summary.failed} failed (${count} conversation${count === 1 ? "" : "s"}, ${summary.turns} turn${summary.turns === 1 ? "" : "s"}) in ${Math.round(summary.durationMs)} ms`,
  );
  return lines.join("\n");
}

async function writeOutput(cwd: string, path: string, text: string): Promise<void> {
  const full = resolve(cwd, path);
  try {
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, text, "utf8");
  } catch (error) {
    throw new CliError("file/unreadable", `${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** `voxchart test`: exit 1 when any conversation fails or a test file cannot run. */
export async function runTestCommand(paths: readonly string[], options: TestOptions, io: CliIo): Promise<number> {
  let summary = await runTests(paths, io.cwd, options.tools);
  if (options.update) {
    const updates = await updateTestFiles(summary.results, options.tools ? { tools: options.tools } : {});
    const report = formatUpdates(updates);
    io.out(report || "--update: every conversation passes; nothing to rewrite");
    if (updates.some((u) => u.conversations.some((c) => c.turns.length))) summary = await runTests(paths, io.cwd, options.tools);
  }
  io.out(formatTestResults(summary));
  if (summary.coverage.length) io.out(formatCoverage(summary.coverage));
  await writeOutput(io.cwd, options.junit, junitXml(summary.results, summary.durationMs));
  if (options.coverageJson) await writeOutput(io.cwd, options.coverageJson, `${JSON.stringify({ flows: summary.coverage }, null, 2)}\n`);
  return summary.failed > 0 ? 1 : 0;
}

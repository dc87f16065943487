/**
 * Benchmark (not a test): text-simulation throughput on the examples. Plays every conversation of
 * every example test file again and again on one core and counts user turns per second
 * (engine, understanding, flow machine and virtual clock included). Prints one JSON line.
 */
import { performance } from "node:perf_hooks";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findTestFiles } from "../src/test-file/find-test-files";
import { parseTestFile } from "../src/test-file/parse-test-file";
import { loadFlow } from "../src/load/load-flow";
import { runConversation } from "../src/test-runner/run-conversation";
import { readFile } from "node:fs/promises";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const seconds = Number(process.env.BENCH_SECONDS ?? 8);

const files = await findTestFiles([resolve(root, "examples")], root);
const work: { run: () => Promise<unknown>; turns: number }[] = [];
for (const file of files) {
  const parsed = parseTestFile(await readFile(file, "utf8"), file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const flow = await loadFlow(resolve(dirname(file), parsed.testFile.flow), { cwd: root });
  if (!flow.compiled) throw new Error(`${flow.file} does not compile`);
  const compiled = flow.compiled;
  const startAt = parsed.testFile.now !== undefined ? Date.parse(parsed.testFile.now) : undefined;
  for (const conversation of parsed.testFile.conversations) {
    const turns = conversation.turns.filter((t) => t.user !== undefined || t.silence === true).length;
    work.push({ turns, run: () => runConversation(compiled, conversation, { stubs: parsed.testFile.tools ?? {}, ...(startAt !== undefined ? { startAt } : {}) }) });
  }
}

// Warm up the JIT, then measure.
for (const w of work) await w.run();
let turns = 0;
let conversations = 0;
const cpuBefore = process.cpuUsage();
const started = performance.now();
while (performance.now() - started < seconds * 1000) {
  for (const w of work) {
    await w.run();
    turns += w.turns;
    conversations++;
  }
}
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  JSON.stringify({
    bench: "simulation-throughput",
    files: files.length,
    conversations,
    turns,
    seconds: Number(elapsed.toFixed(2)),
    /** Wall-clock rate: honest only on an idle machine. */
    turnsPerSecond: Math.round(turns / elapsed),
    /** Turns per second of CPU time used by this process: the one-core rate on a shared machine. */
    turnsPerCpuSecond: Math.round(turns / cpuSeconds),
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    goal: "≥ 5,000 turns/s on one core",
  }),
);

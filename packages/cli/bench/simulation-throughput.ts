/**
 * Benchmark (not a test): text-simulation throughput on the examples. Plays every conversation of
 * every example test file again and again and counts user turns per second (each turn includes
 * the bot's answer: understanding, the flow machine, the dialogue track, tools on virtual time).
 *
 * Two ways are measured in alternating one-second windows of the same run, so machine noise hits
 * both alike:
 *  - "simulation": the engine's text simulation alone (createTextSimulation, start, say/silence);
 *  - "test runner": the same conversations through `voxchart test`'s runner, which also checks
 *    every expectation and records coverage.
 * Every conversation is first run once through the runner and must pass, so the simulation
 * measured is the one the tests check. Three windows of each kind run first, uncounted: in the
 * first two or three seconds V8 is still optimising (the first window ran at a fifth of the
 * steady rate), and a conversation tool runs for longer than that. `npm run bench` pins this process to one CPU (taskset), so
 * the rate is a one-core rate, garbage collection included; it runs the esbuild bundle of this file,
 * as the voxchart command ships (tooling/bundle). Prints one JSON line.
 */
import { performance } from "node:perf_hooks";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { findTestFiles } from "../src/test-file/find-test-files";
import { loadFlow } from "../src/load/load-flow";
import { emptyHits, recordHit } from "../src/coverage/coverage-tracker";
import { fileSimulationOptions } from "../src/test-runner/file-simulation-options";
import { createStubbedSimulation, parseTestFile, runConversation } from "@voxchart/engine";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const windows = Number(process.env.BENCH_WINDOWS ?? 8);
/** One-second windows of each kind run first and not counted: V8 takes 2–3 s to optimise the hot paths. */
const warmupWindows = Number(process.env.BENCH_WARMUP_WINDOWS ?? 3);

interface Work {
  name: string;
  turns: number;
  simulate: () => Promise<void>;
  test: () => Promise<boolean>;
}

const files = await findTestFiles([resolve(root, "examples")], root);
const work: Work[] = [];
for (const file of files) {
  const parsed = parseTestFile(await readFile(file, "utf8"), file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const testFile = parsed.testFile;
  const flow = await loadFlow(resolve(dirname(file), testFile.flow), { cwd: root });
  if (!flow.compiled) throw new Error(`${flow.file} does not compile`);
  const compiled = flow.compiled;
  const simulation = fileSimulationOptions(testFile);
  for (const conversation of testFile.conversations) {
    const userTurns = conversation.turns.filter((t) => t.user !== undefined || t.silence === true);
    work.push({
      name: `${file}: ${conversation.name}`,
      turns: userTurns.length,
      async simulate() {
        const sim = createStubbedSimulation(compiled, conversation, simulation);
        await sim.start();
        for (const turn of userTurns) {
          if (sim.ended) break;
          if (turn.silence) await sim.silence();
          else await sim.say(turn.user ?? "");
        }
      },
      async test() {
        // As `voxchart test` runs it: coverage hits recorded from every output.
        const hits = emptyHits();
        const result = await runConversation(compiled, conversation, { ...simulation, observe: (o) => recordHit(hits, o) });
        return result.passed;
      },
    });
  }
}

// Every conversation must pass first.
for (const w of work) if (!(await w.test())) throw new Error(`conversation fails, fix it before benchmarking: ${w.name}`);
for (const w of work) await w.simulate();

/** Runs whole passes over the conversations for about a second; returns turns and times. */
async function window(run: (w: Work) => Promise<unknown>) {
  let turns = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < 1000) {
    for (const w of work) {
      await run(w);
      turns += w.turns;
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { turns, wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

for (let i = 0; i < warmupWindows; i++) {
  await window((w) => w.simulate());
  await window((w) => w.test());
}
const results = { simulation: [] as Awaited<ReturnType<typeof window>>[], testRunner: [] as Awaited<ReturnType<typeof window>>[] };
for (let i = 0; i < windows; i++) {
  results.simulation.push(await window((w) => w.simulate()));
  results.testRunner.push(await window((w) => w.test()));
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const summary = (rows: Awaited<ReturnType<typeof window>>[]) => {
  const rates = rows.map((r) => r.turns / r.wall);
  const turns = rows.reduce((s, r) => s + r.turns, 0);
  const cpu = rows.reduce((s, r) => s + r.cpu, 0);
  return {
    /** Median of the one-second windows' rates. */
    turnsPerSecondP50: Math.round(quantile(rates, 0.5)),
    /** The slowest window (noise on a shared machine shows here). */
    turnsPerSecondSlowest: Math.round(Math.min(...rates)),
    /** Turns per second of CPU time used by this process (helper threads included). */
    turnsPerCpuSecond: Math.round(turns / cpu),
    turns,
  };
};
console.log(
  JSON.stringify({
    bench: "simulation-throughput",
    files: files.length,
    conversations: work.length,
    turnsPerPass: work.reduce((s, w) => s + w.turns, 0),
    windows,
    warmupWindows,
    simulation: summary(results.simulation),
    testRunner: summary(results.testRunner),
    goal: "≥ 5,000 turns/s on one core",
  }),
);

/**
 * `npm run bench`: runs every benchmark in its own process (so one's garbage and JIT state do not
 * colour another's), collects the JSON line each prints, and writes BENCHMARKS.md with the machine
 * and the date. Benchmarks are never tests: goals are reported, not asserted.
 *
 * `npm run bench -- simulation` runs only the benchmarks whose name contains the word and
 * replaces just their sections of BENCHMARKS.md.
 */
import { spawnSync } from "node:child_process";
import { cpus, totalmem, release } from "node:os";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freshBundle } from "@voxchart/bundle";

interface Bench {
  name: string;
  cwd: string;
  args: string[];
  /** Run pinned to one CPU (taskset), for goals stated "on one core". */
  pin?: boolean;
  /**
   * Run as the voxchart command ships: an esbuild bundle of the sources (see tooling/bundle), not
   * through tsx, whose kept function names slow the engine's hot paths by about a fifth.
   */
  bundled?: boolean;
  /** How to read the JSON result as table rows. */
  describe: (r: Record<string, unknown>) => { metric: string; value: string; goal: string }[];
}

const fmt = (v: unknown, unit = "") => (typeof v === "number" ? `${Number(v.toFixed(3))}${unit}` : String(v));

const BENCHES: Bench[] = [
  {
    name: "Text simulation throughput (examples' test conversations, one core)",
    cwd: "packages/cli",
    args: ["bench/simulation-throughput.ts"],
    pin: true,
    bundled: true,
    describe: (r) => {
      const sim = r.simulation as { turnsPerSecondP50: number; turnsPerSecondSlowest: number; turnsPerCpuSecond: number } | undefined;
      const test = r.testRunner as typeof sim;
      const windows = fmt(r.windows);
      return [
        { metric: `user turns per second, text simulation, p50 of ${windows} one-second windows (after ${fmt(r.warmupWindows)} uncounted warm-up windows of each kind)`, value: fmt(sim?.turnsPerSecondP50), goal: "≥ 5,000" },
        { metric: "user turns per second, text simulation, slowest window", value: fmt(sim?.turnsPerSecondSlowest), goal: "" },
        { metric: "user turns per second of CPU time, text simulation", value: fmt(sim?.turnsPerCpuSecond), goal: "" },
        { metric: `user turns per second, \`voxchart test\` runner (checks and coverage too), p50`, value: fmt(test?.turnsPerSecondP50), goal: "" },
        { metric: "user turns per second, `voxchart test` runner, slowest window", value: fmt(test?.turnsPerSecondSlowest), goal: "" },
      ];
    },
  },
  {
    name: "Engine overhead per turn (input event → first output event, providers excluded)",
    cwd: "packages/engine",
    args: ["bench/engine-overhead.ts"],
    bundled: true,
    describe: (r) => [
      { metric: `p50 over ${fmt(r.turns)} turns`, value: fmt(r.p50Ms, " ms"), goal: "" },
      { metric: `p99 over ${fmt(r.turns)} turns`, value: fmt(r.p99Ms, " ms"), goal: "p99 < 1 ms" },
    ],
  },
  {
    name: "Local understanding",
    cwd: "packages/engine",
    args: ["src/understanding/bench-understanding.ts", "--json"],
    bundled: true,
    describe: (r) => [
      { metric: "utterances per second of CPU time", value: fmt(r.utterancesPerCpuSecond), goal: "" },
      { metric: "utterances per second, wall clock", value: fmt(r.utterancesPerSecond), goal: "" },
    ],
  },
  {
    name: "Runtime latency and capacity",
    cwd: "packages/runtime",
    args: ["bench/runtime-bench.ts"],
    bundled: true,
    describe: (r) => (Array.isArray(r.rows) ? (r.rows as { metric: string; value: string; goal: string }[]) : []),
  },
  {
    name: "Tier 4 echo suppression (synthetic calls, 20 echo paths)",
    cwd: "packages/runtime",
    args: ["bench/echo-bench.ts"],
    bundled: true,
    describe: (r) => (Array.isArray(r.rows) ? (r.rows as { metric: string; value: string; goal: string }[]) : []),
  },
  {
    name: "Builder canvas in Chromium (300-node flow)",
    cwd: "apps/builder",
    args: ["bench/canvas-bench.ts"],
    describe: (r) => {
      const first = r.firstRender as { p50: number; p99: number; runs: number } | undefined;
      const edit = r.edit as { p50: number; p99: number; runs: number } | undefined;
      return [
        { metric: `time to first render, p50 over ${first?.runs} loads`, value: fmt(first?.p50, " ms"), goal: "< 1 s" },
        { metric: `time to first render, p99`, value: fmt(first?.p99, " ms"), goal: "" },
        { metric: `apply an edit, p50 over ${edit?.runs} edits`, value: fmt(edit?.p50, " ms"), goal: "< 50 ms" },
        { metric: `apply an edit, p99`, value: fmt(edit?.p99, " ms"), goal: "" },
      ];
    },
  },
];

const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}`;
const filter = process.argv[2]?.toLowerCase();
const selected = filter ? BENCHES.filter((b) => b.name.toLowerCase().includes(filter)) : BENCHES;
if (!selected.length) {
  console.error(`no benchmark name contains "${filter}"; names: ${BENCHES.map((b) => b.name).join("; ")}`);
  process.exit(2);
}
const cpuCount = cpus().length;
const canPin = spawnSync("taskset", ["--version"]).status === 0;
const sections: string[] = [];
for (const bench of selected) {
  const entry = `${bench.cwd}/${bench.args[0]}`;
  if (!existsSync(entry)) {
    sections.push(`## ${bench.name}\n\nNot run: \`${entry}\` does not exist yet.\n`);
    continue;
  }
  process.stdout.write(`▶ ${bench.name} … `);
  const started = Date.now();
  // Pinned benchmarks run on the last CPU, with their garbage collector threads.
  const pinned = bench.pin === true && canPin;
  // A bundle is written beside its entry, so paths the benchmark finds from import.meta.url hold.
  const [script = "", ...rest] = bench.args;
  const bundle = script.replace(/\.ts$/, ".bundle.mjs");
  if (bench.bundled) await freshBundle({ entry: join(bench.cwd, script), outfile: join(bench.cwd, bundle), lazyChunks: false });
  const invocation = bench.bundled ? ["node", bundle, ...rest] : ["npx", "tsx", ...bench.args];
  const command = pinned ? ["taskset", "-c", String(cpuCount - 1), ...invocation] : invocation;
  const run = spawnSync(command[0] as string, command.slice(1), { cwd: bench.cwd, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" }, timeout: 15 * 60_000 });
  const line = run.stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (run.status !== 0 || !line) {
    console.log("failed");
    sections.push(`## ${bench.name}\n\nFailed (exit ${run.status}):\n\n\`\`\`\n${(run.stderr || run.stdout).slice(-1500)}\n\`\`\`\n`);
    continue;
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const result = JSON.parse(line) as Record<string, unknown>;
  const rows = bench.describe(result).map((row) => `| ${row.metric} | ${row.value} | ${row.goal} |`);
  const how = `${pinned ? `taskset -c ${cpuCount - 1} ` : ""}${invocation.join(" ")}`;
  const built = bench.bundled ? ` (\`${bundle}\` is an esbuild bundle of \`${script}\`, as the voxchart command ships)` : "";
  sections.push(`## ${bench.name}\n\n\`${how}\` in \`${bench.cwd}\`${built}\n\n| metric | result | goal |\n|---|---|---|\n${rows.join("\n")}\n`);
}

/** With a filter, the other benchmarks' sections are kept from the existing file (each says its date). */
function mergeWithExisting(fresh: string[]): string[] {
  if (!filter || !existsSync("BENCHMARKS.md")) return fresh;
  const old = readFileSync("BENCHMARKS.md", "utf8").split(/\n(?=## )/).slice(1);
  const titleOf = (section: string) => section.split("\n")[0]?.replace(/^## /, "").replace(/ \(recorded .*\)$/, "") ?? "";
  const olderDate = readFileSync("BENCHMARKS.md", "utf8").match(/on (\d{4}-\d{2}-\d{2})/)?.[1] ?? "an earlier run";
  return BENCHES.map((b) => {
    const mine = fresh.find((s) => titleOf(s) === b.name);
    if (mine) return mine;
    const kept = old.find((s) => titleOf(s) === b.name);
    if (!kept) return `## ${b.name}\n\nNot run yet.\n`;
    return /\(recorded .*\)$/.test(kept.split("\n")[0] ?? "") ? kept : kept.replace(/^## (.*)/, `## $1 (recorded ${olderDate})`);
  });
}
const all = mergeWithExisting(sections);

const doc = `# Benchmarks

Written by \`npm run bench${filter ? ` -- ${filter}` : ""}\` on ${date}${filter ? " (sections marked \"recorded\" come from an earlier run)" : ""}.

Machine: ${machine}. These machines are shared and noisy: latencies are percentiles over many runs,
and comparisons are measured in the same run.

${all.join("\n")}`;
writeFileSync("BENCHMARKS.md", doc);
console.log("\nwrote BENCHMARKS.md");

/**
 * `npm run bench`: runs every benchmark in its own process (so one's garbage and JIT state do not
 * colour another's), collects the JSON line each prints, and writes BENCHMARKS.md with the machine
 * and the date. Benchmarks are never tests: goals are reported, not asserted.
 */
import { spawnSync } from "node:child_process";
import { cpus, totalmem, release } from "node:os";
import { existsSync, writeFileSync } from "node:fs";

interface Bench {
  name: string;
  cwd: string;
  args: string[];
  /** How to read the JSON result as table rows. */
  describe: (r: Record<string, unknown>) => { metric: string; value: string; goal: string }[];
}

const fmt = (v: unknown, unit = "") => (typeof v === "number" ? `${Number(v.toFixed(3))}${unit}` : String(v));

const BENCHES: Bench[] = [
  {
    name: "Text simulation throughput (examples' test conversations, one core)",
    cwd: "packages/cli",
    args: ["bench/simulation-throughput.ts"],
    describe: (r) => [
      { metric: "turns per second of CPU time (one core)", value: fmt(r.turnsPerCpuSecond), goal: "≥ 5,000" },
      { metric: "turns per second, wall clock", value: fmt(r.turnsPerSecond), goal: "" },
    ],
  },
  {
    name: "Engine overhead per turn (input event → first output event, providers excluded)",
    cwd: "packages/engine",
    args: ["bench/engine-overhead.ts"],
    describe: (r) => [
      { metric: `p50 over ${fmt(r.turns)} turns`, value: fmt(r.p50Ms, " ms"), goal: "" },
      { metric: `p99 over ${fmt(r.turns)} turns`, value: fmt(r.p99Ms, " ms"), goal: "p99 < 1 ms" },
    ],
  },
  {
    name: "Local understanding",
    cwd: "packages/engine",
    args: ["src/understanding/bench-understanding.ts", "--json"],
    describe: (r) => [
      { metric: "utterances per second of CPU time", value: fmt(r.utterancesPerCpuSecond), goal: "" },
      { metric: "utterances per second, wall clock", value: fmt(r.utterancesPerSecond), goal: "" },
    ],
  },
  {
    name: "Runtime latency and capacity",
    cwd: "packages/runtime",
    args: ["bench/runtime-bench.ts"],
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
const sections: string[] = [];
for (const bench of BENCHES) {
  const entry = `${bench.cwd}/${bench.args[0]}`;
  if (!existsSync(entry)) {
    sections.push(`## ${bench.name}\n\nNot run: \`${entry}\` does not exist yet.\n`);
    continue;
  }
  process.stdout.write(`▶ ${bench.name} … `);
  const started = Date.now();
  const run = spawnSync("npx", ["tsx", ...bench.args], { cwd: bench.cwd, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" }, timeout: 15 * 60_000 });
  const line = run.stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (run.status !== 0 || !line) {
    console.log("failed");
    sections.push(`## ${bench.name}\n\nFailed (exit ${run.status}):\n\n\`\`\`\n${(run.stderr || run.stdout).slice(-1500)}\n\`\`\`\n`);
    continue;
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const result = JSON.parse(line) as Record<string, unknown>;
  const rows = bench.describe(result).map((row) => `| ${row.metric} | ${row.value} | ${row.goal} |`);
  sections.push(`## ${bench.name}\n\n\`npx tsx ${bench.args.join(" ")}\` in \`${bench.cwd}\`\n\n| metric | result | goal |\n|---|---|---|\n${rows.join("\n")}\n`);
}

const doc = `# Benchmarks

Written by \`npm run bench\` on ${date}.

Machine: ${machine}. These machines are shared and noisy: latencies are percentiles over many runs,
and comparisons are measured in the same run.

${sections.join("\n")}`;
writeFileSync("BENCHMARKS.md", doc);
console.log("\nwrote BENCHMARKS.md");

/**
 * Micro-benchmark of the local understanding over restaurant-booking intents and slots.
 * Run: cd packages/engine && npx tsx src/understanding/bench-understanding.ts
 */
import type { UnderstandRequest } from "../ports/understanding";
import { understandLocally } from "./create-local-understanding";
import { RESTAURANT_INTENTS, RESTAURANT_SLOTS } from "./restaurant-fixture";

const UTTERANCES: ReadonlyArray<readonly [string, string | undefined, boolean]> = [
  ["I'd like to book a table for 4 people tomorrow at 7 pm", undefined, false],
  ["i wnat to speek to a human", undefined, false],
  ["tomorrow at 7 pm for two people", "date", false],
  ["four", "party_size", false],
  ["next friday", "date", false],
  ["half past seven in the evening", "time", false],
  ["no, make it Friday", undefined, true],
  ["yeah that's right", undefined, true],
  ["actually 5 people", "time", false],
  ["my name is Ana Lopez", "name", false],
  ["five five five one two three four", "phone", false],
  ["outside on the terrace please", "seating", false],
  ["what's the weather like today", undefined, false],
  ["can you repeat that", undefined, false],
  ["cancel my reservation please", undefined, false],
  ["December 3rd at 19:30 for a party of 12", "date", false],
];

const now = new Date("2026-11-25T18:00:00Z");
const requests: UnderstandRequest[] = UTTERANCES.map(([text, focusSlot, expectConfirmation]) => ({
  text,
  intents: RESTAURANT_INTENTS,
  slots: RESTAURANT_SLOTS,
  expectConfirmation,
  focusSlot,
  now,
}));

function run(turns: number): number {
  let checksum = 0;
  for (let i = 0; i < turns; i++) {
    const result = understandLocally(requests[i % requests.length] as UnderstandRequest);
    checksum += Object.keys(result.slots).length + (result.intent ? 1 : 0);
  }
  return checksum;
}

run(5_000); // warm-up: JIT and the per-intent-set cache
const turns = 100_000;
const cpuStart = process.cpuUsage();
const started = performance.now();
const checksum = run(turns);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rate = (s: number): string => Math.round(turns / s).toLocaleString("en-US");
// CPU time is reported too: wall time is unreliable on a shared, loaded machine.
console.log(`${rate(seconds)} utterances/s wall, ${rate(cpuSeconds)} utterances/s of CPU time (${turns} turns over ${requests.length} utterances, ${((1e6 * seconds) / turns).toFixed(1)} µs/turn wall, checksum ${checksum})`);
if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ bench: "understanding", utterancesPerSecond: Math.round(turns / seconds), utterancesPerCpuSecond: Math.round(turns / cpuSeconds) }));
}

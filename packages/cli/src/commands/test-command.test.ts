import { readFile, writeFile, mkdir, cp } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTestCommand } from "./test-command";
import { EXAMPLES, memoryIo, tempDir } from "../../test/helpers";

async function workspace(testFile: string): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, "restaurant"));
  await cp(join(EXAMPLES, "restaurant/restaurant.flow.json"), join(dir, "restaurant/restaurant.flow.json"));
  await writeFile(join(dir, "restaurant/mixed.test.yaml"), testFile);
  return dir;
}

const mixed = `flow: ./restaurant.flow.json
now: "2026-11-25T09:00:00Z"
tools:
  check_availability: { result: { available: true } }
  book_table: { result: "R-9" }
conversations:
  - name: books
    turns:
      - user: tomorrow at 7 pm for 2
      - user: "yes"
        outcome: booked
  - name: expects the wrong day
    turns:
      - user: tomorrow at 7 pm for 2
        bot: Friday
`;

describe("voxchart test", () => {
  it("prints one line per conversation with the first mismatch, a summary, coverage, and exits 1", async () => {
    const dir = await workspace(mixed);
    const io = memoryIo(dir);
    expect(await runTestCommand(["restaurant"], { junit: "out/junit.xml", coverageJson: "out/coverage.json" }, io)).toBe(1);
    const lines = io.stdout().split("\n");
    expect(lines[0]).toBe("restaurant/mixed.test.yaml");
    expect(lines[1]).toBe("  ✓ books");
    expect(lines[2]).toBe('  ✗ expects the wrong day: turn 1 "tomorrow at 7 pm for 2": expected bot to say "Friday", got "A table for 2 on Thursday, November 26 at 7 pm. Shall I check?"');
    expect(lines[3]).toMatch(/^1 passed, 1 failed \(2 conversations, 3 turns\) in \d+ ms$/);
    expect(io.stdout()).toContain("restaurant/restaurant.flow.json (restaurant)");
    expect(io.stdout()).toMatch(/edges\s+6\/16\s+37.5%\s+never reached: ask_silent, ask_confused, too_many,/);

    const xml = await readFile(join(dir, "out/junit.xml"), "utf8");
    expect(xml).toContain('<testsuite name="restaurant/mixed.test.yaml" tests="2" failures="1"');
    const coverage = JSON.parse(await readFile(join(dir, "out/coverage.json"), "utf8")) as { flows: { flowId: string; nodes: { covered: number; total: number } }[] };
    expect(coverage.flows[0]).toMatchObject({ flowId: "restaurant", nodes: { covered: 7, total: 13 } });
  });

  it("reports a broken test file with its path inside the document and fails", async () => {
    const dir = await workspace(mixed.replace('- user: "yes"', "- user: 42"));
    const io = memoryIo(dir);
    expect(await runTestCommand(["restaurant/mixed.test.yaml"], { junit: "junit.xml" }, io)).toBe(1);
    expect(io.stdout()).toContain("  ✗ restaurant/mixed.test.yaml:10: /conversations/0/turns/1/user: expected a string, got a number");
    expect(io.stdout()).toMatch(/0 passed, 1 failed \(0 conversations, 0 turns\)/);
  });

  it("refuses to run against a flow with errors", async () => {
    const dir = await workspace(mixed.replace("./restaurant.flow.json", "./missing.flow.json"));
    const io = memoryIo(dir);
    expect(await runTestCommand(["restaurant"], { junit: "junit.xml" }, io)).toBe(1);
    expect(io.stdout()).toContain("the flow restaurant/missing.flow.json has errors");
    expect(io.stdout()).toContain("restaurant/missing.flow.json:/ error schema/invalid no such file");
  });

  it("passes every example with full coverage", async () => {
    const io = memoryIo(join(EXAMPLES, ".."));
    const dir = await tempDir();
    expect(await runTestCommand(["examples"], { junit: join(dir, "junit.xml") }, io)).toBe(0);
    expect(io.stdout()).not.toContain("never reached");
    expect(io.stdout()).toMatch(/\d+ passed, 0 failed/);
  }, 60_000);
});

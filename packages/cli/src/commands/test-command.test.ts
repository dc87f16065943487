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

  it("--update rewrites failing output checks in place, keeping comments, passing checks and variable checks, then passes", async () => {
    const stale = `${mixed}  # the booking, with the wording of an older version of the flow
  - name: old wording
    turns:
      - bot: Welcome            # still true: kept as written
      - user: tomorrow at 7 pm for 2
        bot: [A table for two tomorrow evening. OK?]
        vars: { party_size: 2 }
        node: ask
`;
    const dir = await workspace(stale);
    const io = memoryIo(dir);
    expect(await runTestCommand(["restaurant"], { junit: "junit.xml", update: true }, io)).toBe(0);
    expect(io.stdout()).toContain("updated restaurant/mixed.test.yaml: “expects the wrong day” turn 1");
    expect(io.stdout()).toContain("updated restaurant/mixed.test.yaml: “old wording” turn 2");
    expect(io.stdout()).toMatch(/3 passed, 0 failed/);
    const text = await readFile(join(dir, "restaurant/mixed.test.yaml"), "utf8");
    expect(text).toContain("# the booking, with the wording of an older version of the flow");
    expect(text).toContain("- bot: Welcome            # still true: kept as written");
    expect(text).toContain("bot: A table for 2 on Thursday, November 26 at 7 pm. Shall I check?\n  # the booking");
    expect(text).toContain('bot: ["A table for 2 on Thursday, November 26 at 7 pm. Shall I check?"]\n        vars: { party_size: 2 }\n        node: ask\n');
  });

  it("--update rewrites a JSON test file (as the builder exports) as JSON", async () => {
    const dir = await workspace("");
    const file = join(dir, "restaurant/exported.test.json");
    await writeFile(file, JSON.stringify({ flow: "./restaurant.flow.json", conversations: [{ name: "greets", turns: [{ bot: ["Hello"], node: "ask" }] }] }));
    expect(await runTestCommand(["restaurant/exported.test.json"], { junit: "junit.xml", update: true }, memoryIo(dir))).toBe(0);
    const turns = (JSON.parse(await readFile(file, "utf8")) as { conversations: { turns: { bot: string[] }[] }[] }).conversations[0]?.turns;
    expect(turns?.[0]?.bot).toEqual([expect.stringContaining("Welcome to Trattoria Roma")]);
  });

  it("--update leaves a conversation that now ends early, and a failing variable check, to the author", async () => {
    const dir = await workspace(`flow: ./restaurant.flow.json
conversations:
  - name: ends early
    turns:
      - user: goodbye
      - user: are you there?
  - name: wrong size
    turns:
      - user: tomorrow at 7 pm for 2
        vars: { party_size: 3 }
`);
    const io = memoryIo(dir);
    const before = await readFile(join(dir, "restaurant/mixed.test.yaml"), "utf8");
    expect(await runTestCommand(["restaurant"], { junit: "junit.xml", update: true }, io)).toBe(1);
    expect(io.stdout()).toContain("not updated restaurant/mixed.test.yaml: “ends early”: it now ends before turn 2; change the test by hand");
    expect(io.stdout()).toContain("still failing (yours to change) in “wrong size”, turn 1: expected party_size = 3, got party_size = 2");
    expect(await readFile(join(dir, "restaurant/mixed.test.yaml"), "utf8")).toBe(before);
  });

  it("passes every example with full coverage", async () => {
    const io = memoryIo(join(EXAMPLES, ".."));
    const dir = await tempDir();
    expect(await runTestCommand(["examples"], { junit: join(dir, "junit.xml") }, io)).toBe(0);
    expect(io.stdout()).not.toContain("never reached");
    expect(io.stdout()).toMatch(/\d+ passed, 0 failed/);
  }, 60_000);
});

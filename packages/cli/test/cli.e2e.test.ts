import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isBundleFresh } from "@voxchart/bundle";
import { CLI_ROOT, REPO_ROOT, tempDir } from "./helpers";

const BIN = join(CLI_ROOT, "bin/voxchart.js");

function voxchart(args: string[], cwd = REPO_ROOT, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe("the voxchart command (subprocess)", { timeout: 60_000 }, () => {
  it("runs from a fresh bundle of its sources and prints what it prints from source", async () => {
    const args = ["test", "examples/clinic", "--junit", join(await tempDir(), "junit.xml")];
    const bundled = await voxchart(args);
    expect(await isBundleFresh(join(CLI_ROOT, "dist/voxchart.mjs"))).toBe(true);
    const fromSource = await voxchart(args, REPO_ROOT, { VOXCHART_FROM_SOURCE: "1" });
    const withoutTimes = (text: string) => text.replace(/ in \d+ ms/g, "");
    expect(bundled.code).toBe(0);
    expect(withoutTimes(bundled.stdout)).toBe(withoutTimes(fromSource.stdout));
    expect(bundled.stderr).toBe(fromSource.stderr);
  });

  it("lints the examples with exit 0 and a bad flow with exit 1", async () => {
    const good = await voxchart(["lint", "examples/restaurant/restaurant.flow.json", "examples/tutor/tutor.flow.json"]);
    expect(good).toMatchObject({ code: 0, stdout: "✓ 2 flows checked, no problems\n" });
    const bad = await voxchart(["lint", "packages/cli/test/fixtures/wrong-type.flow.json"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("packages/cli/test/fixtures/wrong-type.flow.json:/nodes/0/maxAttempts error schema/invalid");
    expect(bad.stderr).toBe("");
  });

  it("replays a script with simulate --script, showing fillers, nodes and variables", async () => {
    const dir = await tempDir();
    const script = join(dir, "turns.txt");
    const tools = join(dir, "tools.mjs");
    await writeFile(script, "# a booking\ntomorrow at 7 pm for 2\n(silence)\nyes\n");
    await writeFile(
      tools,
      "export async function check_availability(args, call, { sleep }) { await sleep(1000); return { available: true }; }\nexport const book_table = () => 'TR-1';\n",
    );
    const run = await voxchart(["simulate", "examples/restaurant/restaurant.flow.json", "--script", script, "--tools", tools, "--vars", "--now", "2026-11-25T09:00:00Z"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("bot: Welcome to Trattoria Roma. For which day, what time, and how many people?\n  [node ask]");
    expect(out).toContain("you: tomorrow at 7 pm for 2\nbot: A table for 2 on Thursday, November 26 at 7 pm. Shall I check?");
    expect(out).toContain("you: (silence)\nbot: Are you still there?");
    expect(out).toMatch(/you: yes\nbot: \(filler\) Let me check the book for Thursday, November 26\.\n {2}\[tool check_availability → .*\]\n {2}\[tool book_table → "TR-1"\]\nbot: You're booked for 2 on Thursday, November 26 at 7 pm, reference TR-1\. See you then!\n {2}\[node booked, ended \(booked\) · replied in \d+ ms, filler at 350 ms\]/);
    expect(out).toContain('  party_size = 2');
  });

  it("runs conversation tests, writes JUnit XML to the default place, and exits 1 on a failure", async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, "tutor.test.yaml"),
      `flow: ${JSON.stringify(join(REPO_ROOT, "examples/tutor/tutor.flow.json"))}\nconversations:\n  - name: wrong level\n    turns:\n      - user: beginner\n        vars: { level: advanced }\n`,
    );
    const run = await voxchart(["test", "."], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  ✗ wrong level: turn 1 "beginner": expected level = "advanced", got level = "beginner"');
    expect(run.stdout).toMatch(/0 passed, 1 failed \(1 conversation, 1 turn\) in \d+ ms/);
    const xml = await readFile(join(dir, "test-results/voxchart-junit.xml"), "utf8");
    expect(xml).toContain('<testcase classname="tutor.test.yaml" name="wrong level"');
  });

  it("generates a path skeleton that voxchart test passes", async () => {
    const dir = await tempDir();
    const out = join(dir, "restaurant.paths.test.yaml");
    const gen = await voxchart(["paths", "examples/restaurant/restaurant.flow.json", "-o", out]);
    expect(gen.code).toBe(0);
    expect(gen.stderr).toContain("wrote 11 conversations");
    const run = await voxchart(["test", out, "--junit", join(dir, "junit.xml")]);
    expect(run.stdout).toMatch(/11 passed, 0 failed/);
    expect(run.code).toBe(0);
  });

  it("shows help with examples, and rejects unknown flags and commands clearly", async () => {
    const help = await voxchart(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: voxchart [options] [command]");
    expect(help.stdout).toContain("$ voxchart test examples/");
    const testHelp = await voxchart(["test", "--help"]);
    expect(testHelp.stdout).toContain("--junit <file>");
    expect(testHelp.stdout).toContain("test-results/voxchart-junit.xml");
    const flag = await voxchart(["lint", "--colour", "x.flow.json"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("error: unknown option '--colour'");
    const command = await voxchart(["lnt"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("error: unknown command 'lnt'");
    expect(command.stderr).toContain("(Did you mean lint?)");
  });

  it("reports a missing script file as a message, not a stack trace", async () => {
    const run = await voxchart(["simulate", "examples/restaurant/restaurant.flow.json", "--script", "nope.txt"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("voxchart: nope.txt: no such file\n");
  });
});

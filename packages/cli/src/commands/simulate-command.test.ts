import { describe, expect, it } from "vitest";
import { runSimulate } from "./simulate-command";
import { memoryIo, REPO_ROOT } from "../../test/helpers";

const FLOW = "examples/restaurant/restaurant.flow.json";

describe("voxchart simulate (interactive)", () => {
  it("reads lines as turns, an empty line as silence, and handles /vars, /restart and /quit", async () => {
    const io = memoryIo(REPO_ROOT, "tomorrow at 7 pm\n\n/vars\n/restart\ngoodbye\nhello?\n/quit\nnever read\n");
    expect(await runSimulate(FLOW, { vars: false, now: "2026-11-25T09:00:00Z" }, io)).toBe(0);
    const out = io.stdout();
    expect(out).toContain("Type what the caller says. An empty line is silence.");
    expect(out).toContain("bot: How many people?\n  [node ask · replied in 0 ms]");
    expect(out).toContain("bot: Are you still there?");
    expect(out).toContain('  date = "2026-11-26"\n  time = "19:00"');
    expect(out).toContain("(restarted)\nbot: Welcome to Trattoria Roma.");
    expect(out).toContain("bot: No problem. Goodbye!\n  [node ask, ended (ended-by-user)");
    expect(out).toContain("(the conversation has ended: /restart or /quit)");
    expect(out).not.toContain("never read");
  });

  it("refuses a flow with errors, printing its diagnostics", async () => {
    const io = memoryIo(REPO_ROOT);
    await expect(runSimulate("packages/cli/test/fixtures/bad-expression.flow.json", { vars: false }, io)).rejects.toMatchObject({
      code: "flow/invalid",
      message: "packages/cli/test/fixtures/bad-expression.flow.json: the flow has errors and cannot run",
    });
    expect(io.stderr()).toContain("error expr/syntax");
  });

  it("shows each tool's result, and says how to give a tool that has no implementation", async () => {
    const missing = memoryIo(REPO_ROOT, "tomorrow at 8 pm for two\nyes\n");
    await runSimulate(FLOW, { vars: false, now: "2026-11-25T09:00:00Z" }, missing);
    expect(missing.stdout()).toContain('[tool check_availability failed: no tool function is registered under the name "check_availability" (give its implementation with --tools <module>)]');
    const given = memoryIo(REPO_ROOT, "tomorrow at 8 pm for two\nyes\n");
    await runSimulate(FLOW, { vars: false, now: "2026-11-25T09:00:00Z", tools: "examples/restaurant/restaurant.tools.ts" }, given);
    expect(given.stdout()).toContain('[tool check_availability → {"available":true,"alternative":null}]');
    expect(given.stdout()).toMatch(/bot: You're booked for 2 on Thursday, November 26 at 8 pm, reference TR-\d+/);
  });

  it("rejects a --now that is not a date-time", async () => {
    await expect(runSimulate(FLOW, { vars: false, now: "soon" }, memoryIo())).rejects.toMatchObject({ code: "usage" });
  });
});

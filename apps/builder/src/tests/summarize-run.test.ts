import { describe, expect, it } from "vitest";
import { TestRunDtoSchema } from "../shared/api-schemas";
import { summarizeRun } from "./summarize-run";

const run = (results: unknown[], passed: number, failed: number) =>
  TestRunDtoSchema.parse({ id: "r1", flowId: "f", versionId: null, status: failed ? "failed" : "passed", results, passed, failed, startedAt: "2026-12-06T01:00:00.000Z", finishedAt: "2026-12-06T01:00:01.000Z" });

describe("summarizeRun", () => {
  it("counts the cases and names each failure with its first failing turn", () => {
    const failure = { turn: 2, input: '"four"', field: "bot", expected: "x", actual: "y", message: 'turn 2 "four": expected x, got y' };
    const summary = summarizeRun(
      run(
        [
          { testCaseId: "a", name: "greets", passed: true, failure: null, durationMs: 3 },
          { testCaseId: "b", name: "books", passed: false, failure, durationMs: 4 },
        ],
        1,
        1,
      ),
    );
    expect(summary).toEqual({ id: "r1", at: "2026-12-06T01:00:01.000Z", status: "failed", versionId: null, counts: "1/2 passed", failures: ['books: turn 2 "four": expected x, got y'] });
  });

  it("reads runs recorded before format 2, which named a 0-based step", () => {
    const legacy = { testCaseId: "b", name: "books", passed: false, mismatch: { step: 1, field: "bot", expected: "x", actual: "y" }, durationMs: 4 };
    expect(summarizeRun(run([legacy], 0, 1)).failures).toEqual(["books: turn 2: bot: expected x, got y"]);
  });
});

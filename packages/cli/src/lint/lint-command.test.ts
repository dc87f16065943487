import { describe, expect, it } from "vitest";
import { lintFiles, runLint } from "./lint-command";
import { FIXTURES, memoryIo } from "../../test/helpers";

const fixture = (name: string) => `packages/cli/test/fixtures/${name}`;

describe("voxchart lint", () => {
  it("reports a JSON syntax error with the file and where it is", async () => {
    const report = await lintFiles([fixture("trailing-comma.flow.json")], FIXTURES + "/../../../..");
    expect(report.errors).toBe(1);
    expect(report.files[0]?.diagnostics[0]).toMatchObject({
      code: "json/syntax",
      file: "packages/cli/test/fixtures/trailing-comma.flow.json",
      message: expect.stringContaining("line 8"),
    });
  });

  it("names the path inside the document and what was expected for a value of the wrong type", async () => {
    const io = memoryIo();
    expect(await runLint([fixture("wrong-type.flow.json")], { format: "text" }, io)).toBe(1);
    expect(io.stdout()).toContain("packages/cli/test/fixtures/wrong-type.flow.json:/nodes/0/maxAttempts error schema/invalid [node ask]");
    expect(io.stdout()).toContain('expected an integer from 1 to 10, found "three"');
    expect(io.stdout()).toMatch(/✗ 1 error, 0 warnings in 1 flow$/);
  });

  it("lists the node kinds when a node has an unknown kind", async () => {
    const io = memoryIo();
    expect(await runLint([fixture("unknown-kind.flow.json")], { format: "text" }, io)).toBe(1);
    expect(io.stdout()).toContain("unknown-kind.flow.json:/nodes/1/kind error schema/invalid [node dance]");
    expect(io.stdout()).toContain("say, collect, conversation, decide, tool, transfer, subflow, end");
  });

  it("points at the column of an expression that does not parse", async () => {
    const io = memoryIo();
    expect(await runLint([fixture("bad-expression.flow.json")], { format: "text" }, io)).toBe(1);
    expect(io.stdout()).toContain("bad-expression.flow.json:/edges/3/trigger/when:14 error expr/syntax");
    expect(io.stdout()).toContain('expected an expression after ">"');
  });

  it("exits 0 when there are only warnings, and says so in the summary", async () => {
    const io = memoryIo();
    expect(await runLint([fixture("warning-only.flow.json")], { format: "text" }, io)).toBe(0);
    expect(io.stdout()).toContain("warning graph/unreachable [node orphan]");
    expect(io.stdout()).toMatch(/✓ 0 errors, 1 warning in 1 flow$/);
  });

  it("reports a missing file as a diagnostic, not a crash", async () => {
    const io = memoryIo();
    expect(await runLint(["nowhere/missing.flow.json"], { format: "text" }, io)).toBe(1);
    expect(io.stdout()).toContain("nowhere/missing.flow.json:/ error schema/invalid no such file");
  });

  it("prints machine-readable JSON with --format json", async () => {
    const io = memoryIo();
    expect(await runLint([fixture("bad-expression.flow.json"), "examples/restaurant/restaurant.flow.json"], { format: "json" }, io)).toBe(1);
    const report = JSON.parse(io.stdout()) as { errors: number; files: { file: string; diagnostics: { code: string; path: string; column?: number }[] }[] };
    expect(report.errors).toBe(1);
    expect(report.files.map((f) => f.file)).toEqual([fixture("bad-expression.flow.json"), "examples/restaurant/restaurant.flow.json"]);
    expect(report.files[0]?.diagnostics[0]).toMatchObject({ code: "expr/syntax", path: "/edges/3/trigger/when", column: 14 });
    expect(report.files[1]?.diagnostics).toEqual([]);
  });

  it("passes every example flow without errors", async () => {
    const report = await lintFiles(
      ["restaurant/restaurant.flow.json", "clinic/clinic.flow.json", "clinic/identity.flow.json", "insurance/insurance.flow.json", "tutor/tutor.flow.json"].map((f) => `examples/${f}`),
      FIXTURES + "/../../../..",
    );
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(0);
  });
});

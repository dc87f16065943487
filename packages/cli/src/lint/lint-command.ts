import { formatDiagnostic } from "@voxchart/flow";
import type { Diagnostic } from "@voxchart/flow";
import type { CliIo } from "../io";
import { loadFlow } from "../load/load-flow";

export type LintFormat = "text" | "json";

export interface LintOptions {
  readonly format: LintFormat;
}

export interface LintFileResult {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface LintReport {
  readonly files: readonly LintFileResult[];
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Loads, validates and checks each flow file. */
export async function lintFiles(paths: readonly string[], cwd: string): Promise<LintReport> {
  const files: LintFileResult[] = [];
  for (const path of paths) {
    const loaded = await loadFlow(path, { cwd });
    files.push({ file: loaded.file, diagnostics: loaded.diagnostics });
  }
  const all = files.flatMap((f) => f.diagnostics);
  const count = (s: Diagnostic["severity"]) => all.filter((d) => d.severity === s).length;
  return { files, errors: count("error"), warnings: count("warning"), infos: count("info") };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function formatLintReport(report: LintReport): string {
  const lines = report.files.flatMap((f) => f.diagnostics.map(formatDiagnostic));
  const n = report.files.length;
  if (report.errors === 0 && report.warnings === 0 && report.infos === 0) {
    lines.push(`✓ ${plural(n, "flow")} checked, no problems`);
  } else {
    const parts = [plural(report.errors, "error"), plural(report.warnings, "warning")];
    if (report.infos) parts.push(`${report.infos} info`);
    lines.push(`${report.errors ? "✗" : "✓"} ${parts.join(", ")} in ${plural(n, "flow")}`);
  }
  return lines.join("\n");
}

/** `voxchart lint`: exit 1 when any file has an error. */
export async function runLint(paths: readonly string[], options: LintOptions, io: CliIo): Promise<number> {
  const report = await lintFiles(paths, io.cwd);
  io.out(options.format === "json" ? JSON.stringify(report, null, 2) : formatLintReport(report));
  return report.errors > 0 ? 1 : 0;
}

/** @voxchart/cli: the `voxchart` command and the pieces it is built from. */
export { runCli, createProgram, DEFAULT_JUNIT } from "./program";
export type { CliIo } from "./io";
export { processIo } from "./io";
export { CliError, isCliError } from "./cli-error";
export type { CliErrorCode } from "./cli-error";

export { loadFlow } from "./load/load-flow";
export type { LoadedFlow, LoadFlowOptions } from "./load/load-flow";
export { lintFiles, formatLintReport, runLint } from "./lint/lint-command";
export type { LintReport, LintFileResult, LintOptions, LintFormat } from "./lint/lint-command";

export { runSimulate } from "./commands/simulate-command";
export type { SimulateOptions } from "./commands/simulate-command";
export { parseScript } from "./simulate/script-file";
export type { ScriptTurn } from "./simulate/script-file";
export { loadToolModule } from "./simulate/load-tools";
export { bindTools } from "./simulate/bind-tools";
export type { ToolContext, ModuleToolFunction, ModuleTools } from "./simulate/bind-tools";
export { formatStep } from "./simulate/format-step";

// The test-file format and its runner live in @voxchart/engine (the builder runs them too).
export { findTestFiles } from "./test-file/find-test-files";
export { runTestFile } from "./test-runner/run-test-file";
export type { TestFileResult, FileConversationResult } from "./test-runner/run-test-file";
export { runTests, runTestCommand, formatTestResults } from "./commands/test-command";
export type { TestOptions, TestRunSummary } from "./commands/test-command";
export { junitXml } from "./report/junit-xml";
export { coverageTargets } from "./coverage/coverage-targets";
export type { CoverageTargets } from "./coverage/coverage-targets";
export { flowCoverage, formatCoverage } from "./coverage/flow-coverage";
export type { FlowCoverage, CoverageCount } from "./coverage/flow-coverage";

export { generatePathTests } from "./paths/generate-path-tests";
export type { GeneratePathTestsOptions, GeneratedPathTests } from "./paths/generate-path-tests";
export { runPaths } from "./commands/paths-command";
export type { PathsOptions } from "./commands/paths-command";

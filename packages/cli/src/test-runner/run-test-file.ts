import { dirname, resolve } from "node:path";
import { formatTestFileProblem, parseTestFile, runConversation } from "@voxchart/engine";
import type { ConversationResult, GenerationPort } from "@voxchart/engine";
import { formatDiagnostic } from "@voxchart/flow";
import { emptyHits, recordHit } from "../coverage/coverage-tracker";
import type { CoverageHits } from "../coverage/coverage-tracker";
import { fileSimulationOptions } from "./file-simulation-options";
import type { ModuleTools } from "../simulate/bind-tools";
import { isCliError } from "../cli-error";
import { displayPath } from "../load/display-path";
import { loadFlow } from "../load/load-flow";
import type { LoadedFlow } from "../load/load-flow";
import { readTextFile } from "../load/read-text-file";

/** A conversation's result with what it exercised, for the coverage report. */
export interface FileConversationResult extends ConversationResult {
  readonly hits: CoverageHits;
}

export interface TestFileResult {
  /** The test file, as shown to the user. */
  readonly file: string;
  readonly absolutePath: string;
  /** The flow it tests (null when the test file itself is broken). */
  readonly flow: LoadedFlow | null;
  /** Problems that stopped the whole file (a bad test file, a flow with errors). */
  readonly problems: readonly string[];
  readonly conversations: readonly FileConversationResult[];
}

export interface RunTestFileOptions {
  readonly cwd: string;
  /** Loaded flows by absolute path, shared between test files. */
  readonly flows: Map<string, Promise<LoadedFlow>>;
  readonly tools?: ModuleTools;
  /** The model for conversation nodes (default: the engine's offline one). */
  readonly generation?: GenerationPort;
}

/** Parses a test file, loads its flow and plays every conversation. */
export async function runTestFile(absolutePath: string, options: RunTestFileOptions): Promise<TestFileResult> {
  const file = displayPath(absolutePath, options.cwd);
  let text: string;
  try {
    text = await readTextFile(absolutePath, file);
  } catch (error) {
    if (!isCliError(error)) throw error;
    return { file, absolutePath, flow: null, problems: [error.message], conversations: [] };
  }
  const parsed = parseTestFile(text, file);
  if (!parsed.ok) return { file, absolutePath, flow: null, problems: parsed.problems.map(formatTestFileProblem), conversations: [] };
  const testFile = parsed.testFile;

  const flowPath = resolve(dirname(absolutePath), testFile.flow);
  let pending = options.flows.get(flowPath);
  if (!pending) {
    pending = loadFlow(flowPath, { cwd: options.cwd });
    options.flows.set(flowPath, pending);
  }
  const flow = await pending;
  if (!flow.compiled) {
    const errors = flow.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
    return { file, absolutePath, flow, problems: [`${file}: the flow ${flow.file} has errors; run \`voxchart lint ${flow.file}\``, ...errors], conversations: [] };
  }
  const simulation = fileSimulationOptions(testFile, options);
  const conversations: FileConversationResult[] = [];
  for (const conversation of testFile.conversations) {
    const hits = emptyHits();
    const result = await runConversation(flow.compiled, conversation, { ...simulation, observe: (output) => recordHit(hits, output) });
    conversations.push({ ...result, hits });
  }
  return { file, absolutePath, flow, problems: [], conversations };
}

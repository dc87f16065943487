import type { GenerationPort } from "@voxchart/engine";
import { dirname, resolve } from "node:path";
import { formatDiagnostic } from "@voxchart/flow";
import type { ModuleTools } from "../simulate/bind-tools";
import { isCliError } from "../cli-error";
import { displayPath } from "../load/display-path";
import { loadFlow } from "../load/load-flow";
import type { LoadedFlow } from "../load/load-flow";
import { readTextFile } from "../load/read-text-file";
import { formatTestFileProblem, parseTestFile } from "../test-file/parse-test-file";
import { runConversation } from "./run-conversation";
import type { ConversationResult } from "./run-conversation";

export interface TestFileResult {
  /** The test file, as shown to the user. */
  readonly file: string;
  /** The flow it tests (null when the test file itself is broken). */
  readonly flow: LoadedFlow | null;
  /** Problems that stopped the whole file (a bad test file, a flow with errors). */
  readonly problems: readonly string[];
  readonly conversations: readonly ConversationResult[];
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
    return { file, flow: null, problems: [error.message], conversations: [] };
  }
  const parsed = parseTestFile(text, file);
  if (!parsed.ok) return { file, flow: null, problems: parsed.problems.map(formatTestFileProblem), conversations: [] };
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
    return { file, flow, problems: [`${file}: the flow ${flow.file} has errors; run \`voxchart lint ${flow.file}\``, ...errors], conversations: [] };
  }
  const startAt = testFile.now !== undefined ? Date.parse(testFile.now) : undefined;
  const conversations: ConversationResult[] = [];
  for (const conversation of testFile.conversations) {
    conversations.push(
      await runConversation(flow.compiled, conversation, {
        stubs: testFile.tools ?? {},
        ...(startAt !== undefined ? { startAt } : {}),
        ...(options.tools ? { tools: options.tools } : {}),
        ...(options.generation ? { generation: options.generation } : {}),
      }),
    );
  }
  return { file, flow, problems: [], conversations };
}

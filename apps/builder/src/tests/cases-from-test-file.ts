import { formatTestFileProblem, parseTestFile } from "@voxchart/engine";
import type { TestFile } from "@voxchart/flow";
import type { StoredConversation } from "../shared/test-case-schema";
import { TEST_CASE_FORMAT } from "./test-case-format";

/**
 * A `voxchart test` file's conversations as builder test cases. A case stands alone, so the
 * file's clock start and tool stubs are written into each conversation (its own stubs still win
 * over the file's, as `voxchart test` merges them). The file's `flow` is not kept: cases belong
 * to the flow they are imported into.
 */
export function casesFromTestFile(file: TestFile): { name: string; conversation: StoredConversation }[] {
  return file.conversations.map(({ name, now, tools, turns }) => {
    const merged = { ...file.tools, ...tools };
    const start = now ?? file.now;
    return {
      name,
      conversation: {
        format: TEST_CASE_FORMAT,
        ...(start !== undefined ? { now: start } : {}),
        ...(Object.keys(merged).length ? { tools: merged } : {}),
        turns,
      },
    };
  });
}

/** A test file's text as cases, or its problems as `file:line: /path: message` lines. */
export function readTestFileCases(text: string, fileName: string): { ok: true; file: TestFile; cases: ReturnType<typeof casesFromTestFile> } | { ok: false; problems: string[] } {
  const parsed = parseTestFile(text, fileName);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map(formatTestFileProblem) };
  return { ok: true, file: parsed.testFile, cases: casesFromTestFile(parsed.testFile) };
}

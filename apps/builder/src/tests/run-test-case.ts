import "../lib/browser-polyfills";
import type { CompiledFlow } from "@voxchart/flow";
import { runConversation } from "@voxchart/engine";
import type { StoredConversation, TestResult } from "../shared/test-case-schema";

/** A case that could not run at all (turn 0): what was needed, what stood in the way, and the sentence. */
export function unrunnableCase(testCase: { id: string; name: string }, expected: string, actual: string, message: string, durationMs = 0): TestResult {
  return { testCaseId: testCase.id, name: testCase.name, passed: false, failure: { turn: 0, input: "", field: "error", expected, actual, message }, durationMs };
}

/**
 * Runs a test case with the engine's conversation runner, the one `voxchart test` uses: a case
 * passes here exactly when it passes in CI. HTTP tools without a stub reach the network, as in
 * the simulator.
 */
export async function runTestCase(compiled: CompiledFlow, testCase: { id: string; name: string; conversation: StoredConversation }): Promise<TestResult> {
  const { format: _format, ...script } = testCase.conversation;
  const began = performance.now();
  try {
    const result = await runConversation(compiled, { name: testCase.name, ...script });
    const f = result.failure;
    return {
      testCaseId: testCase.id,
      name: testCase.name,
      passed: result.passed,
      failure: f && { turn: f.turn, input: f.input, field: f.mismatch.field, expected: f.mismatch.expected, actual: f.mismatch.actual, message: f.message },
      durationMs: Math.round(result.durationMs),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return unrunnableCase(testCase, "no error", message, `the engine failed: ${message}`, Math.round(performance.now() - began));
  }
}

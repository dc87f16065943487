import type { CompiledFlow } from "@voxchart/flow";
import type { Conversation, Mismatch, TestResult } from "../shared/test-case-schema";
import { applyMove, newSimulation } from "../simulator/moves";

const norm = (text: string) => text.replace(/\s+/g, " ").trim();

/** Compares one replayed step with its recording; the first difference, if any. */
export function compareStep(
  index: number,
  expected: Conversation["steps"][number]["expect"],
  actual: { bot: readonly string[]; nodeId: string; ended: boolean; outcome: string | null },
): Mismatch | null {
  const want = expected.bot.map(norm);
  const got = actual.bot.map(norm);
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) return { step: index, field: "bot", expected: want[i] ?? "(nothing)", actual: got[i] ?? "(nothing)" };
  }
  if (expected.nodeId !== undefined && expected.nodeId !== actual.nodeId) return { step: index, field: "nodeId", expected: expected.nodeId, actual: actual.nodeId };
  if (expected.ended !== undefined && expected.ended !== actual.ended) return { step: index, field: "ended", expected: String(expected.ended), actual: String(actual.ended) };
  if (expected.outcome !== undefined && expected.ended && (expected.outcome ?? null) !== actual.outcome) {
    return { step: index, field: "outcome", expected: String(expected.outcome), actual: String(actual.outcome) };
  }
  return null;
}

/** Replays a recorded conversation on a fresh engine simulation; passes when every step matches. */
export async function runTestCase(compiled: CompiledFlow, testCase: { id: string; name: string; conversation: Conversation }): Promise<TestResult> {
  const began = performance.now();
  const done = (mismatch: Mismatch | null): TestResult => ({
    testCaseId: testCase.id,
    name: testCase.name,
    passed: mismatch === null,
    mismatch,
    durationMs: Math.round(performance.now() - began),
  });
  const sim = newSimulation(compiled, testCase.conversation.tools);
  try {
    for (const [index, step] of testCase.conversation.steps.entries()) {
      if (sim.ended && step.input.type !== "start") return done({ step: index, field: "ended", expected: "conversation continues", actual: "conversation had ended" });
      const result = await applyMove(sim, step.input);
      const mismatch = compareStep(index, step.expect, result);
      if (mismatch) return done(mismatch);
    }
    return done(null);
  } catch (error) {
    return done({ step: -1, field: "error", expected: "no error", actual: error instanceof Error ? error.message : String(error) });
  } finally {
    sim.session.stop();
  }
}

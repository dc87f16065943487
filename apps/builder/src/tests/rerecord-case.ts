import "../lib/browser-polyfills";
import type { CompiledFlow, TestTurn } from "@voxchart/flow";
import { createStubbedSimulation, replayTurns, type SimulatedStep } from "@voxchart/engine";
import type { StoredConversation } from "../shared/test-case-schema";
import { lineMatcher } from "./script-from-steps";

/** A turn that now expects what the assistant did: its lines, node and ending; other checks stay. */
function rerecorded(turn: TestTurn, step: SimulatedStep): TestTurn {
  const { bot: _bot, node: _node, ended: _ended, outcome: _outcome, ...kept } = turn;
  return {
    ...kept,
    bot: step.bot.map(lineMatcher),
    node: step.nodeId,
    ...(step.ended ? { ended: true, ...(step.outcome ? { outcome: step.outcome } : {}) } : {}),
  };
}

export type RerecordResult = { ok: true; conversation: StoredConversation } | { ok: false; message: string };

/**
 * Accepts the flow's current behaviour for a test case: replays its user turns (same stubs, same
 * clock start) and replaces each turn's bot lines, node and ending with what happens now; the
 * turns' other checks (variables, fillers, transfers) are kept. When the conversation now ends
 * before its last turn, nothing is replaced: dropping the user's later turns would lose them.
 */
export async function rerecordCase(compiled: CompiledFlow, conversation: StoredConversation): Promise<RerecordResult> {
  const sim = createStubbedSimulation(compiled, conversation);
  const turns: TestTurn[] = [];
  try {
    for await (const event of replayTurns(sim, conversation.turns)) {
      if (event.kind === "turn") turns.push(rerecorded(event.turn, event.step));
      else if (event.kind === "ended") {
        const left = conversation.turns.length - event.index;
        return { ok: false, message: `The conversation now ends before turn ${event.index + 1}; re-recording would drop ${left} later turn${left === 1 ? "" : "s"}. Edit or delete the case instead.` };
      }
    }
  } finally {
    sim.session.stop();
  }
  return { ok: true, conversation: { ...conversation, turns } };
}

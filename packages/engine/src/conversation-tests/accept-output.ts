import { literalMatcher } from "@voxchart/flow";
import type { CompiledFlow, TestTurn } from "@voxchart/flow";
import type { SimulatedStep } from "../simulation/text-simulation";
import { checkTurn } from "./check-turn";
import type { Mismatch } from "./check-turn";
import { replayTurns } from "./replay-turns";
import { createStubbedSimulation } from "./stubbed-simulation";
import type { StubbedSimulationOptions } from "./stubbed-simulation";

/** The expectations that follow the flow's output; `vars` and `filler` are the author's and are never rewritten. */
export const OUTPUT_CHECKS = ["bot", "node", "ended", "outcome", "transfer"] as const satisfies readonly Mismatch["field"][];
const FOLLOWS_OUTPUT = new Set<Mismatch["field"]>(OUTPUT_CHECKS);

/**
 * A turn whose failing output checks now expect what the step did: the bot's lines (each as a
 * literal matcher; one string when the check was one string and one line was said), the node, the ending, the outcome, the transfer. Checks that pass are kept as
 * written (a hand-written `/regex/` that still matches stays). A failing `vars` or `filler` check
 * is not rewritten: it comes back as `unresolved`.
 */
export function acceptTurnOutput(turn: TestTurn, step: SimulatedStep): { turn: TestTurn; changed: boolean; unresolved: Mismatch | null } {
  let next: TestTurn = turn;
  for (;;) {
    const mismatch = checkTurn(next, step);
    if (!mismatch) return { turn: next, changed: next !== turn, unresolved: null };
    if (!FOLLOWS_OUTPUT.has(mismatch.field)) return { turn: next, changed: next !== turn, unresolved: mismatch };
    const { [mismatch.field]: _old, ...rest } = next;
    next = rest;
    switch (mismatch.field) {
      case "bot":
        // A single matcher stays a single matcher when the bot said one line; otherwise one per line.
        next.bot = typeof turn.bot === "string" && step.bot.length === 1 ? literalMatcher(step.bot[0] ?? "") : step.bot.map(literalMatcher);
        break;
      case "node":
        next.node = step.nodeId;
        break;
      case "ended":
        next.ended = step.ended;
        break;
      case "outcome":
        if (step.outcome !== null) next.outcome = step.outcome;
        break;
      case "transfer":
        if (step.transfer !== null) next.transfer = step.transfer;
        break;
    }
  }
}

export type AcceptedConversation =
  | {
      ok: true;
      turns: TestTurn[];
      /** 0-based indices of the turns that changed. */
      changed: number[];
      /** Checks that still fail and are not the flow's output to take (`vars`, `filler`). */
      unresolved: { index: number; mismatch: Mismatch }[];
    }
  /** The conversation now ends before turn `index` (0-based): taking it would drop the user's later turns. */
  | { ok: false; endedBefore: number };

/**
 * Replays a conversation's user turns on the flow as it is now and takes the new output into its
 * failing output checks (acceptTurnOutput), turn by turn: what `voxchart test --update` writes
 * back to a test file and what the builder's "Accept new output" saves.
 */
export async function acceptConversationOutput(
  compiled: CompiledFlow,
  conversation: { now?: string | undefined; tools?: StubbedSimulationOptions["stubs"]; turns: readonly TestTurn[] },
  options: StubbedSimulationOptions = {},
): Promise<AcceptedConversation> {
  const sim = createStubbedSimulation(compiled, conversation, options);
  const turns: TestTurn[] = [];
  const changed: number[] = [];
  const unresolved: { index: number; mismatch: Mismatch }[] = [];
  try {
    for await (const event of replayTurns(sim, conversation.turns)) {
      if (event.kind === "ended") return { ok: false, endedBefore: event.index };
      if (event.kind !== "turn") continue;
      const accepted = acceptTurnOutput(event.turn, event.step);
      turns.push(accepted.turn);
      if (accepted.changed) changed.push(event.index);
      if (accepted.unresolved) unresolved.push({ index: event.index, mismatch: accepted.unresolved });
    }
  } finally {
    sim.session.stop();
  }
  return { ok: true, turns, changed, unresolved };
}

import type { TestTurn } from "@voxchart/flow";
import type { SimulatedStep, TextSimulation } from "../simulation/text-simulation";

/** What replaying a conversation's turns produced, in order. */
export type ReplayEvent =
  /** What the assistant said before the user spoke (always first). */
  | { kind: "opening"; step: SimulatedStep }
  /** A turn and its step; the first turn, when it is the start, gets the opening (`played: false`). */
  | { kind: "turn"; index: number; turn: TestTurn; step: SimulatedStep; played: boolean }
  /** The conversation had ended before this turn; nothing more is played. */
  | { kind: "ended"; index: number; turn: TestTurn };

/**
 * Plays a test conversation's turns on a text simulation: the start, then each user line or
 * silence. The one loop behind running a test (checking each step), recording expectations
 * (`voxchart paths`) and re-recording a builder test case.
 */
export async function* replayTurns(sim: TextSimulation, turns: readonly TestTurn[]): AsyncGenerator<ReplayEvent, void, undefined> {
  const first = turns[0];
  const startsExplicitly = first !== undefined && first.user === undefined && first.silence === undefined;
  const opening = await sim.start();
  yield { kind: "opening", step: opening };
  for (const [index, turn] of turns.entries()) {
    if (index === 0 && startsExplicitly) {
      yield { kind: "turn", index, turn, step: opening, played: false };
      continue;
    }
    if (sim.ended) {
      yield { kind: "ended", index, turn };
      return;
    }
    const step = turn.silence ? await sim.silence() : await sim.say(turn.user ?? "");
    yield { kind: "turn", index, turn, step, played: true };
  }
}

/** One user move in the simulator. `start` opens the call. */
export type SimulatorMove = { type: "start" } | { type: "say"; text: string } | { type: "silence" };

/** What the assistant did after a move: what "save as test" turns into a test turn's expectations. */
export interface SimulatorResult {
  bot: string[];
  nodeId: string;
  ended: boolean;
  outcome: string | null;
}

/** A move with what followed it: the simulator's history (step back replays the moves). */
export interface SimulatorStep {
  input: SimulatorMove;
  expect: SimulatorResult;
}

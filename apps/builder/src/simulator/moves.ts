import "../lib/browser-polyfills";
import type { CompiledFlow } from "@voxchart/flow";
import { createStubbedSimulation, type SimulatedStep, type TextSimulation } from "@voxchart/engine";
import { mocksToStubs, type ToolMocks } from "./tool-mocks";
import type { SimulatorMove } from "./steps";

/** Plays one user move on a simulation: the same engine code the CLI runs. */
export function applyMove(sim: TextSimulation, move: SimulatorMove): Promise<SimulatedStep> {
  switch (move.type) {
    case "start":
      return sim.start();
    case "say":
      return sim.say(move.text);
    case "silence":
      return sim.silence();
  }
}

/** A fresh simulation on its own virtual clock, its tools answered by the mocks (as test stubs). */
export function newSimulation(compiled: CompiledFlow, mocks: ToolMocks = {}): TextSimulation {
  return createStubbedSimulation(compiled, { tools: mocksToStubs(mocks) });
}

/** Plays moves in order; stops early if the conversation ends. */
export async function playMoves(sim: TextSimulation, moves: readonly SimulatorMove[]): Promise<{ move: SimulatorMove; step: SimulatedStep }[]> {
  const played: { move: SimulatorMove; step: SimulatedStep }[] = [];
  for (const move of moves) {
    if (sim.ended && move.type !== "start") break;
    played.push({ move, step: await applyMove(sim, move) });
  }
  return played;
}

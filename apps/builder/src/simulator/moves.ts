import "../lib/browser-polyfills";
import type { CompiledFlow } from "@voxchart/flow";
import { createTextSimulation, createVirtualClock, type SimulatedStep, type TextSimulation } from "@voxchart/engine";
import { createMockTools } from "./mock-tools";
import type { ToolMocks } from "./tool-mocks";
import type { TestInput } from "../shared/test-case-schema";

/** Plays one user move on a simulation: the same engine code the CLI runs. */
export function applyMove(sim: TextSimulation, move: TestInput): Promise<SimulatedStep> {
  switch (move.type) {
    case "start":
      return sim.start();
    case "say":
      return sim.say(move.text);
    case "silence":
      return sim.silence();
  }
}

/** A fresh simulation on its own virtual clock, with mocked tools. */
export function newSimulation(compiled: CompiledFlow, mocks: ToolMocks = {}): TextSimulation {
  const clock = createVirtualClock();
  return createTextSimulation(compiled, { clock, tools: createMockTools(mocks, clock) });
}

/** Plays moves in order; stops early if the conversation ends. */
export async function playMoves(sim: TextSimulation, moves: readonly TestInput[]): Promise<{ move: TestInput; step: SimulatedStep }[]> {
  const played: { move: TestInput; step: SimulatedStep }[] = [];
  for (const move of moves) {
    if (sim.ended && move.type !== "start") break;
    played.push({ move, step: await applyMove(sim, move) });
  }
  return played;
}

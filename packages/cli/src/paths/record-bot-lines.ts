import { createStubbedSimulation, replayTurns } from "@voxchart/engine";
import type { CompiledFlow, TestFile } from "@voxchart/flow";
import { fileSimulationOptions } from "../test-runner/file-simulation-options";

/** Generating tests never calls a real webhook: an HTTP tool without a stub fails, as a TODO says. */
const offline: typeof fetch = async (input) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  throw new Error(`no stub for ${url}`);
};

/** What the simulation showed after one generated turn: the bot's reply and where the flow rests. */
export interface RecordedTurn {
  readonly bot: string;
  readonly node: string;
}

/**
 * Plays each generated conversation on the text simulation, with the file's tool stubs and clock,
 * and records the bot's reply after every turn (the start included), so `voxchart paths` can
 * write `bot:` expectations. A conversation whose simulation ends early records fewer turns.
 */
export async function recordBotLines(compiled: CompiledFlow, file: TestFile): Promise<RecordedTurn[][]> {
  const simulation = { ...fileSimulationOptions(file), unstubbed: offline };
  const recorded: RecordedTurn[][] = [];
  for (const conversation of file.conversations) {
    const sim = createStubbedSimulation(compiled, conversation, simulation);
    const turns: RecordedTurn[] = [];
    try {
      for await (const event of replayTurns(sim, conversation.turns)) {
        if (event.kind === "turn") turns.push({ bot: event.step.bot.join(" "), node: event.step.nodeId });
      }
    } finally {
      sim.session.stop();
    }
    recorded.push(turns);
  }
  return recorded;
}

import { literalMatcher, type TestTurn } from "@voxchart/flow";
import type { SimulatorMove } from "../simulator/steps";
import { mocksToStubs, type ToolMocks } from "../simulator/tool-mocks";
import { TEST_CASE_FORMAT } from "./test-case-format";


/** A simulator step, or one saved in format 1 (whose node and ending were optional). */
interface RecordedStep {
  input: SimulatorMove;
  expect: { bot: readonly string[]; nodeId?: string | undefined; ended?: boolean | undefined; outcome?: string | null | undefined };
}

function turnOf(step: RecordedStep): TestTurn {
  const move = step.input;
  const turn: TestTurn = move.type === "say" ? { user: move.text } : move.type === "silence" ? { silence: true } : {};
  // A list of lines: the bot must say exactly as many, each containing the recorded one.
  turn.bot = step.expect.bot.map(literalMatcher);
  if (step.expect.nodeId !== undefined) turn.node = step.expect.nodeId;
  if (step.expect.ended) {
    turn.ended = true;
    if (step.expect.outcome) turn.outcome = step.expect.outcome;
  }
  return turn;
}

/**
 * A simulated conversation as a test case: each move becomes a turn expecting what the assistant
 * said then (every line, in order), the node it waited in, and how it ended; the tool mocks
 * become stubs. The conversation starts on the engine's default simulation date, as the
 * simulator does.
 */
export function scriptFromSteps(steps: readonly RecordedStep[], mocks: ToolMocks) {
  const tools = mocksToStubs(mocks);
  return {
    format: TEST_CASE_FORMAT,
    ...(Object.keys(tools).length ? { tools } : {}),
    turns: steps.map(turnOf),
  } as const;
}

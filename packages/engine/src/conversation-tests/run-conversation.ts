import type { CompiledFlow, TestConversation, TestTurn } from "@voxchart/flow";
import type { SessionOutput } from "../session/events";
import type { SimulatedStep } from "../simulation/text-simulation";
import { checkTurn, formatMismatch } from "./check-turn";
import type { Mismatch } from "./check-turn";
import { replayTurns } from "./replay-turns";
import { createStubbedSimulation } from "./stubbed-simulation";
import type { StubbedSimulationOptions } from "./stubbed-simulation";

export interface TurnFailure {
  /** 1-based, as the turn appears in the file. */
  readonly turn: number;
  /** What the user did in that turn: `"tomorrow"`, `(silence)` or `(start)`. */
  readonly input: string;
  readonly mismatch: Mismatch;
  readonly message: string;
}

export interface ConversationResult {
  readonly name: string;
  readonly passed: boolean;
  /** Turns run (up to and including a failing one). */
  readonly turns: number;
  readonly failure: TurnFailure | null;
  readonly durationMs: number;
  /** The transcript, for reports: user and bot lines in order. */
  readonly transcript: readonly string[];
}

/** Stubs, clock start, extra tools and model (default: the engine's offline one). */
export interface RunConversationOptions extends StubbedSimulationOptions {
  /** Sees every session output as it happens (the CLI's coverage report listens here). */
  readonly observe?: (output: SessionOutput) => void;
}

const inputOf = (t: TestTurn) => (t.user !== undefined ? JSON.stringify(t.user) : t.silence ? "(silence)" : "(start)");

/**
 * Plays one conversation against a compiled flow on virtual time and checks every turn; stops at
 * the first expectation that does not hold. The same runner serves `voxchart test` and the
 * builder's test cases, so a case passes in one exactly when it passes in the other.
 */
export async function runConversation(compiled: CompiledFlow, conversation: TestConversation, options: RunConversationOptions = {}): Promise<ConversationResult> {
  const began = performance.now();
  const sim = createStubbedSimulation(compiled, conversation, options);
  const observe = options.observe;
  if (observe) sim.session.on(observe);
  const transcript: string[] = [];
  const record = (step: SimulatedStep) => {
    if (step.user !== null) transcript.push(`user: ${step.user}`);
    for (const f of step.fillers) transcript.push(`bot (filler): ${f}`);
    for (const b of step.bot) transcript.push(`bot: ${b}`);
    for (const o of step.outputs) if (o.type === "error") transcript.push(`engine ${o.category} error: ${o.message}`);
  };

  let failure: TurnFailure | null = null;
  let turns = 0;
  try {
    for await (const event of replayTurns(sim, conversation.turns)) {
      if (event.kind === "opening") {
        record(event.step);
        continue;
      }
      turns = event.index + 1;
      if (event.kind === "ended") {
        failure = { turn: turns, input: inputOf(event.turn), mismatch: { field: "ended", expected: "the conversation to go on", actual: "it had already ended" }, message: "" };
        break;
      }
      if (event.played) {
        if (event.turn.silence) transcript.push("user: (silence)");
        record(event.step);
      }
      const mismatch = checkTurn(event.turn, event.step);
      if (mismatch) {
        failure = { turn: turns, input: inputOf(event.turn), mismatch, message: "" };
        break;
      }
    }
  } finally {
    sim.session.stop();
  }
  const located = failure && { ...failure, message: `turn ${failure.turn} ${failure.input}: ${formatMismatch(failure.mismatch)}` };
  return { name: conversation.name, passed: located === null, turns, failure: located, durationMs: performance.now() - began, transcript };
}

import { performance } from "node:perf_hooks";
import type { SimulatedStep } from "@voxchart/engine";
import type { CompiledFlow } from "@voxchart/flow";
import type { Conversation, Turn } from "../test-file/schema";
import { emptyHits, recordHit } from "../coverage/coverage-tracker";
import type { CoverageHits } from "../coverage/coverage-tracker";
import { checkTurn, formatMismatch } from "./check-turn";
import type { Mismatch } from "./check-turn";
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
  readonly hits: CoverageHits;
  /** The transcript, for reports: user and bot lines in order. */
  readonly transcript: readonly string[];
}

/** Stubs, clock start, --tools functions and model (default: the engine's offline one). */
export type RunConversationOptions = StubbedSimulationOptions;

const inputOf = (t: Turn) => (t.user !== undefined ? JSON.stringify(t.user) : t.silence ? "(silence)" : "(start)");

/** Plays one conversation against a compiled flow on virtual time and checks every turn. */
export async function runConversation(compiled: CompiledFlow, conversation: Conversation, options: RunConversationOptions): Promise<ConversationResult> {
  const began = performance.now();
  const sim = createStubbedSimulation(compiled, conversation, options);
  const hits = emptyHits();
  sim.session.on((o) => recordHit(hits, o));
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
    const first = conversation.turns[0];
    const startsExplicitly = first !== undefined && first.user === undefined && first.silence === undefined;
    const opening = await sim.start();
    record(opening);
    for (const [i, turn] of conversation.turns.entries()) {
      turns = i + 1;
      let step: SimulatedStep;
      if (i === 0 && startsExplicitly) step = opening;
      else if (sim.ended) {
        failure = { turn: turns, input: inputOf(turn), mismatch: { field: "ended", expected: "the conversation to go on", actual: "it had already ended" }, message: "" };
        break;
      } else {
        if (turn.silence) transcript.push("user: (silence)");
        step = turn.silence ? await sim.silence() : await sim.say(turn.user ?? "");
        record(step);
      }
      const mismatch = checkTurn(turn, step);
      if (mismatch) {
        failure = { turn: turns, input: inputOf(turn), mismatch, message: "" };
        break;
      }
    }
  } finally {
    sim.session.stop();
  }
  const located = failure && { ...failure, message: `turn ${failure.turn} ${failure.input}: ${formatMismatch(failure.mismatch)}` };
  return { name: conversation.name, passed: located === null, turns, failure: located, durationMs: performance.now() - began, hits, transcript };
}

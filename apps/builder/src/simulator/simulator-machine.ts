import { assign, fromPromise, setup } from "xstate";
import type { JsonValue } from "@voxchart/flow";
import type { TextSimulation } from "@voxchart/engine";
import type { CompiledFlow } from "@voxchart/flow";
import type { SimulatorMove, SimulatorStep } from "./steps";
import { chatEntries, takenEdges, visitedNodes, type ChatEntry } from "./chat-entries";
import type { ToolMocks } from "./tool-mocks";

export interface SimulatorContext {
  compiled: CompiledFlow | null;
  tools: ToolMocks;
  sim: TextSimulation | null;
  /** Every move so far, starting with `start`: what step back and "save as test" replay. */
  steps: SimulatorStep[];
  log: ChatEntry[];
  nodeId: string | null;
  variables: Readonly<Record<string, JsonValue>>;
  visited: string[];
  edges: string[];
  ended: boolean;
  outcome: string | null;
  error: string | null;
}

export type SimulatorEvent =
  | { type: "START"; compiled: CompiledFlow; tools: ToolMocks }
  | { type: "SAY"; text: string }
  | { type: "SILENCE" }
  | { type: "STEP_BACK" }
  | { type: "STOP" };

interface RunInput {
  compiled: CompiledFlow;
  tools: ToolMocks;
  sim: TextSimulation | null;
  moves: SimulatorMove[];
  /** Moves already recorded that `moves` continues (kept in the result). */
  keep: SimulatorStep[];
}

interface RunOutput {
  sim: TextSimulation;
  steps: SimulatorStep[];
  log: ChatEntry[];
  visited: string[];
  edges: string[];
}

/** Runs moves on the engine; a fresh simulation when `sim` is null (start, restart, step back). */
const runMoves = fromPromise<RunOutput, RunInput>(async ({ input }) => {
  // The engine loads with the first simulation, not with every opened flow.
  const { newSimulation, playMoves } = await import("./moves");
  const sim = input.sim ?? newSimulation(input.compiled, input.tools);
  const startedAt = sim.clock.now();
  const played = await playMoves(sim, input.moves);
  const steps = [...input.keep];
  const log: ChatEntry[] = [];
  const visited: string[] = [];
  const edges: string[] = [];
  for (const { move, step } of played) {
    steps.push({ input: move, expect: { bot: step.bot, nodeId: step.nodeId, ended: step.ended, outcome: step.outcome } });
    log.push(...chatEntries(move, step, move.type === "start" ? startedAt : null));
    visited.push(...visitedNodes(step));
    edges.push(...takenEdges(step));
  }
  return { sim, steps, log, visited, edges };
});

/** The context after a run: appended to `previous` when continuing, replacing it otherwise. */
function fromRun(previous: SimulatorContext | null, out: RunOutput): Partial<SimulatorContext> {
  const state = out.sim.session.state();
  return {
    sim: out.sim,
    steps: out.steps,
    log: [...(previous?.log ?? []), ...out.log],
    visited: [...(previous?.visited ?? []), ...out.visited],
    edges: [...(previous?.edges ?? []), ...out.edges],
    nodeId: state.nodeId,
    variables: state.variables,
    ended: out.sim.ended,
    outcome: out.steps.at(-1)?.expect.outcome ?? null,
    error: null,
  };
}

const empty = (): Omit<SimulatorContext, "compiled" | "tools"> => ({
  sim: null,
  steps: [],
  log: [],
  nodeId: null,
  variables: {},
  visited: [],
  edges: [],
  ended: false,
  outcome: null,
  error: null,
});

/**
 * The simulator panel's actor: it owns one engine text simulation and the conversation so far.
 * The UI reads it with @xstate/react's useSelector; nothing is copied into React state.
 */
export const simulatorMachine = setup({
  types: { context: {} as SimulatorContext, events: {} as SimulatorEvent },
  actors: { runMoves },
  guards: { canStepBack: ({ context }) => context.steps.length > 1 },
  actions: {
    dropLastMove: assign(({ context }) => {
      context.sim?.session.stop();
      return { sim: null, steps: context.steps.slice(0, -1) };
    }),
  },
}).createMachine({
  id: "simulator",
  context: { compiled: null, tools: {}, ...empty() },
  initial: "idle",
  on: {
    START: {
      target: ".running",
      reenter: true,
      actions: assign(({ context, event }) => {
        context.sim?.session.stop();
        return { compiled: event.compiled, tools: event.tools, ...empty() };
      }),
    },
    STOP: {
      target: ".idle",
      actions: assign(({ context }) => {
        context.sim?.session.stop();
        return empty();
      }),
    },
  },
  states: {
    idle: {},
    running: {
      invoke: {
        src: "runMoves",
        input: ({ context }): RunInput => {
          if (!context.compiled) throw new Error("simulator started without a flow");
          const moves = context.steps.length === 0 ? [{ type: "start" as const }] : context.steps.map((s) => s.input);
          return { compiled: context.compiled, tools: context.tools, sim: null, moves, keep: [] };
        },
        onDone: { target: "settled", actions: assign(({ event }) => fromRun(null, event.output)) },
        onError: { target: "failed", actions: assign(({ event }) => ({ error: event.error instanceof Error ? event.error.message : String(event.error) })) },
      },
    },
    continuing: {
      invoke: {
        src: "runMoves",
        input: ({ context, event }): RunInput => {
          if (!context.compiled || !context.sim) throw new Error("no conversation to continue");
          const move: SimulatorMove = event.type === "SAY" ? { type: "say", text: event.text } : { type: "silence" };
          return { compiled: context.compiled, tools: context.tools, sim: context.sim, moves: [move], keep: context.steps };
        },
        onDone: { target: "settled", actions: assign(({ context, event }) => fromRun(context, event.output)) },
        onError: { target: "failed", actions: assign(({ event }) => ({ error: event.error instanceof Error ? event.error.message : String(event.error) })) },
      },
    },
    settled: {
      always: { guard: ({ context }) => context.ended, target: "ended" },
      on: {
        SAY: { target: "continuing", guard: ({ event }) => event.text.trim().length > 0 },
        SILENCE: { target: "continuing" },
        STEP_BACK: { target: "running", guard: "canStepBack", actions: "dropLastMove" },
      },
    },
    ended: {
      on: { STEP_BACK: { target: "running", guard: "canStepBack", actions: "dropLastMove" } },
    },
    failed: {
      on: { STEP_BACK: { target: "running", guard: "canStepBack", actions: "dropLastMove" } },
    },
  },
});

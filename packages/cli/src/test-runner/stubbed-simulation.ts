import { createTextSimulation, createVirtualClock } from "@voxchart/engine";
import type { GenerationPort, TextSimulation } from "@voxchart/engine";
import type { CompiledFlow } from "@voxchart/flow";
import { bindTools } from "../simulate/bind-tools";
import type { ModuleTools } from "../simulate/bind-tools";
import type { Conversation, ToolStubs } from "../test-file/schema";
import { createStubTools } from "./tool-stubs";

export interface StubbedSimulationOptions {
  /** The file's stubs; the conversation's own override them. */
  readonly stubs: ToolStubs;
  /** The virtual clock's start, ms since the epoch. */
  readonly startAt?: number;
  /** Tool functions from a --tools module, for tools without a stub. */
  readonly tools?: ModuleTools;
  /** The model for conversation nodes (default: the engine's offline one). */
  readonly generation?: GenerationPort;
  /** Answers HTTP tool calls no stub matches (the network by default). */
  readonly unstubbed?: typeof fetch;
}

/**
 * A text simulation of one test-file conversation: its own virtual clock, the tool stubs on that
 * clock, the optional --tools functions and model. What the test runner, `voxchart paths` and the
 * simulation benchmark all play conversations on.
 */
export function createStubbedSimulation(compiled: CompiledFlow, conversation: Conversation, options: StubbedSimulationOptions): TextSimulation {
  const clock = createVirtualClock(options.startAt);
  const stubs = createStubTools({ ...options.stubs, ...conversation.tools }, clock, options.tools ? bindTools(options.tools, clock) : {}, options.unstubbed);
  return createTextSimulation(compiled, { clock, tools: stubs.tools, fetch: stubs.fetch, ...(options.generation ? { generation: options.generation } : {}) });
}

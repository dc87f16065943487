import type { CompiledFlow, TestScript, ToolStubs } from "@voxchart/flow";
import type { SessionClock } from "../clock/clock";
import { createVirtualClock } from "../clock/virtual-clock";
import type { GenerationPort } from "../ports/generation";
import type { ToolRegistry } from "../ports/tools";
import { createTextSimulation } from "../simulation/text-simulation";
import type { TextSimulation } from "../simulation/text-simulation";
import { createStubTools } from "./tool-stubs";

export interface StubbedSimulationOptions {
  /** The file's stubs; the conversation's own override them. */
  readonly stubs?: ToolStubs;
  /** The virtual clock's start, ms since the epoch (the conversation's own `now` overrides it). */
  readonly startAt?: number;
  /** Tool functions for tools without a stub (the CLI's --tools module), bound to the session clock. */
  readonly tools?: (clock: SessionClock) => ToolRegistry;
  /** The model for conversation nodes (default: the engine's offline one). */
  readonly generation?: GenerationPort;
  /** Answers HTTP tool calls no stub matches (the network by default). */
  readonly unstubbed?: typeof fetch;
}

/**
 * A text simulation for one test conversation (its `now` and `tools`): its own virtual clock, the tool stubs on that clock,
 * the optional extra tools and model. What `voxchart test`, `voxchart paths`, the builder's test
 * cases and the simulation benchmark all play conversations on.
 */
export function createStubbedSimulation(compiled: CompiledFlow, conversation: Pick<TestScript, "now" | "tools">, options: StubbedSimulationOptions = {}): TextSimulation {
  const startAt = conversation.now !== undefined ? Date.parse(conversation.now) : options.startAt;
  const clock = createVirtualClock(startAt);
  const stubs = createStubTools({ ...options.stubs, ...conversation.tools }, clock, options.tools?.(clock) ?? {}, options.unstubbed);
  return createTextSimulation(compiled, { clock, tools: stubs.tools, fetch: stubs.fetch, ...(options.generation ? { generation: options.generation } : {}) });
}

import type { GenerationPort, StubbedSimulationOptions } from "@voxchart/engine";
import type { TestFile } from "@voxchart/flow";
import { bindTools } from "../simulate/bind-tools";
import type { ModuleTools } from "../simulate/bind-tools";

/**
 * How a test file's conversations are simulated: its stubs and clock start (each conversation's
 * own override them), tools from a --tools module for names without a stub, and the model.
 */
export function fileSimulationOptions(file: Pick<TestFile, "now" | "tools">, extra: { tools?: ModuleTools | undefined; generation?: GenerationPort | undefined } = {}): StubbedSimulationOptions {
  const moduleTools = extra.tools;
  return {
    stubs: file.tools ?? {},
    ...(file.now !== undefined ? { startAt: Date.parse(file.now) } : {}),
    ...(moduleTools ? { tools: (clock) => bindTools(moduleTools, clock) } : {}),
    ...(extra.generation ? { generation: extra.generation } : {}),
  };
}

import type { SimulatedStep } from "../simulation/text-simulation";

/** A simulated step for tests of what reads steps: a turn in node `ask` that said two lines. */
export function simulatedStep(over: Partial<SimulatedStep> = {}): SimulatedStep {
  return {
    user: "hi",
    bot: ["Hello there.", "How many people?"],
    fillers: [],
    nodeId: "ask",
    variables: { size: 2, tags: ["a"] },
    metrics: [],
    outputs: [],
    ended: false,
    outcome: null,
    transfer: null,
    ...over,
  };
}

import type { Conversation } from "../shared/test-case-schema";
import type { ToolMocks } from "../simulator/tool-mocks";

/** The virtual clock's start in the builder's simulations (the engine's default). */
export const SIMULATION_START = "2026-11-25T09:00:00.000Z";

type CliStub = { result: unknown; latencyMs: number } | { error: string; latencyMs: number };
type CliTurn = { user?: string; silence?: true; bot?: string[]; node?: string; ended?: boolean; outcome?: string };

/** A bot line as a CLI matcher: a substring, escaped when it would read as a /regex/. */
function matcher(line: string): string {
  return /^\/.*\/[a-z]*$/.test(line) ? `/${line.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}/` : line;
}

function stubs(mocks: ToolMocks): Record<string, CliStub> {
  return Object.fromEntries(
    Object.entries(mocks).map(([name, m]) => [name, m.fail ? { error: `${name} failed (mocked)`, latencyMs: m.latencyMs } : { result: m.result, latencyMs: m.latencyMs }]),
  );
}

/**
 * The builder's test cases as one `voxchart test` file (JSON, which is also YAML), so CI runs
 * what authors recorded in the simulator. `flowFile` is the flow's path relative to the test file.
 */
export function toCliTestFile(flowFile: string, cases: readonly { name: string; conversation: Conversation }[]) {
  return {
    flow: flowFile,
    now: SIMULATION_START,
    conversations: cases.map(({ name, conversation }) => ({
      name,
      ...(Object.keys(conversation.tools).length ? { tools: stubs(conversation.tools) } : {}),
      turns: conversation.steps.map((step): CliTurn => {
        const turn: CliTurn = step.input.type === "say" ? { user: step.input.text } : step.input.type === "silence" ? { silence: true } : {};
        turn.bot = step.expect.bot.map(matcher);
        if (step.expect.nodeId !== undefined) turn.node = step.expect.nodeId;
        if (step.expect.ended) {
          turn.ended = true;
          if (step.expect.outcome) turn.outcome = step.expect.outcome;
        }
        return turn;
      }),
    })),
  };
}

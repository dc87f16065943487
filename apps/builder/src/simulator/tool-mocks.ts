import { z } from "zod";
import type { JsonValue, ToolStubs } from "@voxchart/flow";

/*
 * The mocks' schema, read by the API and test-case schemas: no engine import here, so those
 * schemas do not bring the engine into every page (the simulator loads it lazily).
 */

/** What a mocked tool answers in the simulator and in test cases. */
export const ToolMockSchema = z.object({
  result: z.json().default(null),
  /** Virtual time the call takes: long calls make the engine speak a filler. */
  latencyMs: z.number().int().min(0).max(600_000).default(300),
  /** Throw instead: the tool node takes its error exit. */
  fail: z.boolean().default(false),
});
export type ToolMock = z.infer<typeof ToolMockSchema>;
export const ToolMocksSchema = z.record(z.string(), ToolMockSchema);
export type ToolMocks = z.infer<typeof ToolMocksSchema>;

/** The function tools a flow's tool nodes call, for the mock editor. */
export function functionToolNames(nodes: readonly { kind: string; tool?: unknown }[]): string[] {
  const names = new Set<string>();
  for (const n of nodes) {
    const tool = n.tool as { type?: unknown; name?: unknown } | undefined;
    if (n.kind === "tool" && tool?.type === "function" && typeof tool.name === "string") names.add(tool.name);
  }
  return [...names].sort();
}

/**
 * Mocks as the stubs of a `voxchart test` conversation: the simulator and test cases answer tools
 * through the engine's stubs, so a case runs the same in the page and in CI.
 */
export function mocksToStubs(mocks: ToolMocks): ToolStubs {
  return Object.fromEntries(
    Object.entries(mocks).map(([name, m]) => [name, m.fail ? { error: `${name} failed (mocked)`, latencyMs: m.latencyMs } : { result: m.result as JsonValue, latencyMs: m.latencyMs }]),
  );
}

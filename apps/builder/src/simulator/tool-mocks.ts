import { z } from "zod";

/*
 * The mocks' schema, read by the API and test-case schemas: no engine import here (see
 * mock-tools.ts), so those schemas do not bring the engine into every page.
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

import { z } from "zod";
import { ToolMocksSchema } from "../simulator/tool-mocks";

/** One user move in a recorded conversation. `start` opens the call. */
export const TestInputSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start") }),
  z.object({ type: z.literal("say"), text: z.string().min(1, "the user text cannot be empty") }),
  z.object({ type: z.literal("silence") }),
]);
export type TestInput = z.infer<typeof TestInputSchema>;

/** What the assistant must do after the input: its messages, the node it waits in, the end. */
export const TestExpectationSchema = z.object({
  bot: z.array(z.string()),
  nodeId: z.string().optional(),
  ended: z.boolean().optional(),
  outcome: z.string().nullable().optional(),
});

export const TestStepSchema = z.object({ input: TestInputSchema, expect: TestExpectationSchema });
export type TestStep = z.infer<typeof TestStepSchema>;

/** A test case's conversation as the builder records and replays it. */
export const ConversationSchema = z.object({
  format: z.literal("voxchart/conversation@1"),
  /** The tool answers the conversation was recorded with. */
  tools: ToolMocksSchema.default({}),
  steps: z.array(TestStepSchema).min(1, "a conversation needs at least its start step"),
});
export type Conversation = z.output<typeof ConversationSchema>;
export type ConversationInput = z.input<typeof ConversationSchema>;

/** The first place a replay differed from the recording. */
export const MismatchSchema = z.object({
  step: z.number().int(),
  field: z.enum(["bot", "nodeId", "ended", "outcome", "error"]),
  expected: z.string(),
  actual: z.string(),
});
export type Mismatch = z.infer<typeof MismatchSchema>;

export const TestResultSchema = z.object({
  testCaseId: z.string(),
  name: z.string(),
  passed: z.boolean(),
  mismatch: MismatchSchema.nullable(),
  durationMs: z.number(),
});
export type TestResult = z.infer<typeof TestResultSchema>;

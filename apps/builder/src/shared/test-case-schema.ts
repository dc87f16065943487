import { z } from "zod";
import { TestScriptSchema } from "@voxchart/flow";
import { scriptFromSteps } from "../tests/script-from-steps";
import { TEST_CASE_FORMAT } from "../tests/test-case-format";
import { ToolMocksSchema } from "../simulator/tool-mocks";

/*
 * A builder test case is a `voxchart test` conversation (the format @voxchart/flow defines and
 * @voxchart/engine runs), stored without its name, which is a column of its own. The same runner
 * plays it in the page and in CI, and "Export for CLI" / "Import test file" move cases both ways.
 */

/** A test case's conversation as stored since format 2: a test file's conversation without its name. */
export const StoredConversationSchema = TestScriptSchema.safeExtend({ format: z.literal(TEST_CASE_FORMAT) });
export type StoredConversation = z.infer<typeof StoredConversationSchema>;

/**
 * Format 1 (before the builder shared the CLI's format): recorded simulator steps with exact bot
 * lines and tool mocks. Still read, as the format-2 conversation it means, so no saved case is lost.
 */
const LegacyConversationSchema = z
  .object({
    format: z.literal("voxchart/conversation@1"),
    tools: ToolMocksSchema.default({}),
    steps: z
      .array(
        z.object({
          input: z.discriminatedUnion("type", [
            z.object({ type: z.literal("start") }),
            z.object({ type: z.literal("say"), text: z.string().min(1, "the user text cannot be empty") }),
            z.object({ type: z.literal("silence") }),
          ]),
          expect: z.object({ bot: z.array(z.string()), nodeId: z.string().optional(), ended: z.boolean().optional(), outcome: z.string().nullable().optional() }),
        }),
      )
      .min(1, "a conversation needs at least its start step"),
  })
  .transform((legacy): StoredConversation => scriptFromSteps(legacy.steps, legacy.tools));

/** What the API accepts and the store reads: format 2, or format 1 converted to it. */
export const TestCaseConversationSchema = z.union([StoredConversationSchema, LegacyConversationSchema]);
export type TestCaseConversationInput = z.input<typeof TestCaseConversationSchema>;

/** The first expectation that did not hold when a case ran (the engine's TurnFailure). */
export const TestFailureSchema = z.object({
  /** 1-based, the start counting as turn 1. */
  turn: z.number().int(),
  /** What the user did in that turn: `"tomorrow"`, `(silence)` or `(start)`. */
  input: z.string(),
  field: z.string(),
  expected: z.string(),
  actual: z.string(),
  /** The whole sentence, as `voxchart test` prints it. */
  message: z.string(),
});
export type TestFailure = z.infer<typeof TestFailureSchema>;

const resultShape = { testCaseId: z.string(), name: z.string(), passed: z.boolean(), durationMs: z.number() };

/** Runs recorded before format 2 named a step (0-based) and no input; read as failures. */
const LegacyTestResultSchema = z
  .object({ ...resultShape, mismatch: z.object({ step: z.number().int(), field: z.string(), expected: z.string(), actual: z.string() }).nullable() })
  .transform(({ mismatch, ...rest }) => ({
    ...rest,
    failure: mismatch && {
      turn: mismatch.step + 1,
      input: "",
      field: mismatch.field,
      expected: mismatch.expected,
      actual: mismatch.actual,
      message: `turn ${mismatch.step + 1}: ${mismatch.field}: expected ${mismatch.expected}, got ${mismatch.actual}`,
    },
  }));

export const TestResultSchema = z.union([z.object({ ...resultShape, failure: TestFailureSchema.nullable() }), LegacyTestResultSchema]);
export type TestResult = z.output<typeof TestResultSchema>;

import { z } from "zod";
import { IdSchema, JsonValueInputSchema, JsonValueSchema } from "./common";

export const TestRunStatusSchema = z.enum(["running", "passed", "failed", "error"]);
export type TestRunStatus = z.infer<typeof TestRunStatusSchema>;

export const TestRunSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  versionId: z.string().nullable(),
  status: TestRunStatusSchema,
  /** One result per test case (opaque here; the test runner owns its shape). */
  results: JsonValueSchema,
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type TestRun = z.infer<typeof TestRunSchema>;

export const RecordTestRunInputSchema = z.object({
  flowId: IdSchema,
  versionId: IdSchema.optional(),
  status: TestRunStatusSchema,
  results: JsonValueInputSchema.default([]),
  passed: z.number().int().nonnegative().default(0),
  failed: z.number().int().nonnegative().default(0),
  startedAt: z.date().optional(),
  finishedAt: z.date().optional(),
});
export type RecordTestRunInput = z.input<typeof RecordTestRunInputSchema>;

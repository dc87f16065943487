import { z } from "zod";
import { IdSchema, JsonValueInputSchema, JsonValueSchema, NameSchema } from "./common";

export const TestCaseSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  name: z.string(),
  /** The conversation (opaque here; its format is @voxchart/flow's test format, as the builder stores it). */
  conversation: JsonValueSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TestCase = z.infer<typeof TestCaseSchema>;

export const CreateTestCaseInputSchema = z.object({
  flowId: IdSchema,
  name: NameSchema,
  conversation: JsonValueInputSchema,
});
export type CreateTestCaseInput = z.input<typeof CreateTestCaseInputSchema>;

export const UpdateTestCaseInputSchema = z
  .object({
    id: IdSchema,
    name: NameSchema.optional(),
    conversation: JsonValueInputSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.conversation !== undefined, "give a name or a conversation to update");
export type UpdateTestCaseInput = z.input<typeof UpdateTestCaseInputSchema>;

/** Several cases at once, matched by name: an existing name gets the new conversation, a new one is created. */
export const SaveTestCasesInputSchema = z.object({
  flowId: IdSchema,
  cases: z
    .array(z.object({ name: NameSchema, conversation: JsonValueInputSchema }))
    .min(1, "give at least one test case")
    .refine((cases) => new Set(cases.map((c) => c.name)).size === cases.length, "two test cases have the same name"),
});
export type SaveTestCasesInput = z.input<typeof SaveTestCasesInputSchema>;

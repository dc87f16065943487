import { z } from "zod";
import { IdSchema, JsonValueInputSchema, JsonValueSchema, NameSchema } from "./common";

export const TestCaseSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  name: z.string(),
  /** The conversation (opaque here; the CLI's test runner owns its shape). */
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

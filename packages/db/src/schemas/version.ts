import { z } from "zod";
import { IdSchema, JsonObjectSchema } from "./common";

export const FlowVersionSummarySchema = z.object({
  id: z.string(),
  flowId: z.string(),
  number: z.number().int().positive(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  note: z.string(),
  createdAt: z.date(),
});
export type FlowVersionSummary = z.infer<typeof FlowVersionSummarySchema>;

export const FlowVersionSchema = FlowVersionSummarySchema.extend({ document: JsonObjectSchema });
export type FlowVersion = z.infer<typeof FlowVersionSchema>;

export const PublishVersionInputSchema = z.object({
  flowId: IdSchema,
  note: z.string().max(5000).default(""),
  /** When given, publish only if the draft is still at this revision (else conflict). */
  expectedRevision: z.number().int().nonnegative().optional(),
});
export type PublishVersionInput = z.input<typeof PublishVersionInputSchema>;

export const GetVersionInputSchema = z.union([
  z.object({ id: IdSchema }),
  z.object({ flowId: IdSchema, number: z.number().int().positive() }),
]);
export type GetVersionInput = z.input<typeof GetVersionInputSchema>;

export const RollbackInputSchema = z.object({
  flowId: IdSchema,
  versionId: IdSchema,
  /** Optional optimistic check against the current draft. */
  expectedRevision: z.number().int().nonnegative().optional(),
});
export type RollbackInput = z.input<typeof RollbackInputSchema>;

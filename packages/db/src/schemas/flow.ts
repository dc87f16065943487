import { z } from "zod";
import { IdSchema, JsonObjectInputSchema, JsonObjectSchema, NameSchema, SlugSchema } from "./common";

export const FlowSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  draftRevision: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  deletedAt: z.date().nullable(),
});
export type FlowSummary = z.infer<typeof FlowSummarySchema>;

export const FlowSchema = FlowSummarySchema.extend({
  /** The current draft document (opaque here; @voxchart/flow validates it). */
  document: JsonObjectSchema,
});
export type Flow = z.infer<typeof FlowSchema>;

export const CreateFlowInputSchema = z.object({
  name: NameSchema,
  /** Derived from the name when absent (made unique with -2, -3 …). An explicit taken slug is a conflict. */
  slug: SlugSchema.optional(),
  description: z.string().max(5000).default(""),
  document: JsonObjectInputSchema.default({}),
});
export type CreateFlowInput = z.input<typeof CreateFlowInputSchema>;

export const RenameFlowInputSchema = z.object({
  id: IdSchema,
  name: NameSchema,
  description: z.string().max(5000).optional(),
});
export type RenameFlowInput = z.input<typeof RenameFlowInputSchema>;

export const DuplicateFlowInputSchema = z.object({
  id: IdSchema,
  /** Defaults to "<name> (copy)". */
  name: NameSchema.optional(),
  slug: SlugSchema.optional(),
});
export type DuplicateFlowInput = z.input<typeof DuplicateFlowInputSchema>;

export const ListFlowsInputSchema = z
  .object({
    includeDeleted: z.boolean().default(false),
  })
  .default({ includeDeleted: false });
export type ListFlowsInput = z.input<typeof ListFlowsInputSchema>;

export const GetFlowInputSchema = z.union([
  z.object({ id: IdSchema, includeDeleted: z.boolean().default(false) }),
  z.object({ slug: z.string().min(1), includeDeleted: z.boolean().default(false) }),
]);
export type GetFlowInput = z.input<typeof GetFlowInputSchema>;

export const SaveDraftInputSchema = z.object({
  id: IdSchema,
  /** The draftRevision the editor started from; a mismatch is a conflict and nothing is written. */
  expectedRevision: z.number().int().nonnegative(),
  document: JsonObjectInputSchema,
});
export type SaveDraftInput = z.input<typeof SaveDraftInputSchema>;

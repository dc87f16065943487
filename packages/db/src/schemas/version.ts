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

/**
 * What to store as the version instead of the draft as it is: a document the caller made from the
 * draft (the builder embeds the flows its subflow nodes call, so the version pins them). The
 * content hash is computed over it, so `unchanged` and `reused` compare what is stored. It needs
 * `expectedRevision`, the draft revision it was made from: a draft saved since is a `conflict`.
 */
export const PublishDocumentSchema = JsonObjectSchema.optional();

/** A document to store is only as good as the draft revision it was made from. */
export function requireRevisionWithDocument(
  input: { document?: unknown; expectedRevision?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (input.document !== undefined && input.expectedRevision === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["expectedRevision"],
      message: "a document to publish needs the draft revision it was made from (expectedRevision)",
    });
  }
}

export const PublishVersionInputSchema = z
  .object({
    flowId: IdSchema,
    note: z.string().max(5000).default(""),
    /** When given, publish only if the draft is still at this revision (else conflict). */
    expectedRevision: z.number().int().nonnegative().optional(),
    document: PublishDocumentSchema,
  })
  .superRefine(requireRevisionWithDocument);
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

import { z } from "zod";
import { StoredConversationSchema, TestCaseConversationSchema, TestResultSchema } from "./test-case-schema";

/**
 * Request bodies and response shapes of the builder's API. Routes parse bodies with these;
 * the browser client parses responses with them, so both ends share one definition.
 */

/** A draft as stored: enough structure for the canvas; full validation is the checks' job. */
export const DraftDocumentSchema = z
  .object({
    schemaVersion: z.literal(1, "schemaVersion must be 1"),
    id: z.string().min(1),
    name: z.string(),
    start: z.string(),
    nodes: z.array(z.looseObject({ id: z.string(), kind: z.string() })),
    edges: z.array(z.looseObject({ id: z.string(), from: z.string(), to: z.string() })).optional(),
  })
  .loose();

export const CreateFlowBodySchema = z.object({
  name: z.string().trim().min(1, "a name is required").max(200),
  description: z.string().max(5000).optional(),
});
export const ImportFlowBodySchema = z.object({ document: z.unknown() });
export const RenameFlowBodySchema = z.object({
  name: z.string().trim().min(1, "a name is required").max(200),
  description: z.string().max(5000).optional(),
});
export const DuplicateFlowBodySchema = z.object({ name: z.string().trim().min(1).max(200).optional() });
export const SaveDraftBodySchema = z.object({
  expectedRevision: z.number().int().nonnegative(),
  document: DraftDocumentSchema,
});
export const PublishBodySchema = z.object({
  note: z.string().max(5000).default(""),
  expectedRevision: z.number().int().nonnegative().optional(),
});
export const RollbackBodySchema = z.object({
  versionId: z.string().min(1),
  expectedRevision: z.number().int().nonnegative().optional(),
});
export const CreateTestCaseBodySchema = z.object({
  name: z.string().trim().min(1, "a name is required").max(200),
  conversation: TestCaseConversationSchema,
});
export const UpdateTestCaseBodySchema = z
  .object({ name: z.string().trim().min(1).max(200).optional(), conversation: TestCaseConversationSchema.optional() })
  .refine((v) => v.name !== undefined || v.conversation !== undefined, "give a name or a conversation to update");
/** A `voxchart test` file (YAML or JSON) whose conversations become test cases of the flow. */
export const ImportTestFileBodySchema = z.object({
  /** Its name: `.json` is read as JSON, anything else as YAML; problems are reported under it. */
  fileName: z.string().trim().min(1).max(300),
  text: z.string().max(2_000_000, "the file is larger than 2 MB"),
});
export const RecordTestRunBodySchema = z.object({
  versionId: z.string().optional(),
  results: z.array(TestResultSchema),
});
export const DiffQuerySchema = z.object({ from: z.string().min(1), to: z.string().min(1) });

// ---------------------------------------------------------------- responses

const date = z.string();
export const FlowSummaryDtoSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  draftRevision: z.number().int(),
  createdAt: date,
  updatedAt: date,
});
export type FlowSummaryDto = z.infer<typeof FlowSummaryDtoSchema>;
export const FlowDtoSchema = FlowSummaryDtoSchema.extend({ document: DraftDocumentSchema });
export type FlowDto = z.infer<typeof FlowDtoSchema>;

/** A flow a version calls: `pinned` when the version embeds it as it was at publish time. */
export const VersionCallDtoSchema = z.object({
  /** The subflow node's reference (a flow id in the builder). */
  ref: z.string(),
  name: z.string(),
  /** False only for a version published before pinning: a deploy sends the child's current draft. */
  pinned: z.boolean(),
});
export type VersionCallDto = z.infer<typeof VersionCallDtoSchema>;

/** The newest recorded run of a flow's test cases on one version. */
export const VersionTestsDtoSchema = z.object({
  passed: z.number().int(),
  failed: z.number().int(),
  at: z.string(),
  /** Each failed case with its first failure. */
  failures: z.array(z.string()),
});
export type VersionTestsDto = z.infer<typeof VersionTestsDtoSchema>;

export const VersionSummaryDtoSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  number: z.number().int(),
  contentHash: z.string(),
  note: z.string(),
  createdAt: date,
  /** The flows it calls, directly or through other subflows. */
  calls: z.array(VersionCallDtoSchema),
  /** Its test cases' newest run (run when it is published, or on request); null: never tested. */
  tests: VersionTestsDtoSchema.nullable().default(null),
});
export type VersionSummaryDto = z.infer<typeof VersionSummaryDtoSchema>;
export const VersionDtoSchema = VersionSummaryDtoSchema.extend({ document: DraftDocumentSchema });
export type VersionDto = z.infer<typeof VersionDtoSchema>;

export const TestCaseDtoSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  name: z.string(),
  /** null when the stored conversation cannot be read; `problem` says why (the row is kept). */
  conversation: StoredConversationSchema.nullable(),
  problem: z.string().nullable(),
  createdAt: date,
  updatedAt: date,
});
export type TestCaseDto = z.infer<typeof TestCaseDtoSchema>;
/** What importing a test file did: a conversation named like an existing case replaces its conversation. */
export const ImportedTestCasesDtoSchema = z.object({ created: z.array(TestCaseDtoSchema), updated: z.array(TestCaseDtoSchema) });
export type ImportedTestCasesDto = z.infer<typeof ImportedTestCasesDtoSchema>;

export const TestRunDtoSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  versionId: z.string().nullable(),
  status: z.enum(["running", "passed", "failed", "error"]),
  results: z.array(TestResultSchema),
  passed: z.number().int(),
  failed: z.number().int(),
  startedAt: date,
  finishedAt: date.nullable(),
});
export type TestRunDto = z.infer<typeof TestRunDtoSchema>;

export const DiffStatusSchema = z.enum(["added", "removed", "changed"]);

/** What changed in one flow: nodes and edges by id (moving a node is not a change), and the other top-level parts that differ. */
export const FlowDiffDtoSchema = z.object({
  nodes: z.record(z.string(), DiffStatusSchema),
  edges: z.record(z.string(), DiffStatusSchema),
  /** name, description, start, variables, settings, tools, globals. */
  other: z.array(z.string()),
});
export type FlowDiffDto = z.infer<typeof FlowDiffDtoSchema>;

/** A side of a diff: the `from` document or the `to` one. */
export const DiffSideSchema = z.enum(["from", "to"]);
export type DiffSide = z.infer<typeof DiffSideSchema>;

const subflowDiffBase = {
  /** The reference the calling flow's subflow node uses (a flow id in the builder). */
  ref: z.string(),
  name: z.string(),
  /** The references leading to it from the caller: empty for a flow the caller calls itself. */
  via: z.array(z.string()),
};

/** How a flow a version calls (embedded in its bundle) differs between the two sides. */
export const SubflowDiffDtoSchema = z.discriminatedUnion("status", [
  z.object({ ...subflowDiffBase, status: z.enum(["added", "removed", "unchanged"]) }),
  z.object({ ...subflowDiffBase, status: z.literal("changed"), diff: FlowDiffDtoSchema }),
  /**
   * A side calls it without embedding it (a version published before versions pinned their
   * subflows, or a flow called only through such a one): what it ran then is not known.
   */
  z.object({ ...subflowDiffBase, status: z.literal("not-pinned"), notPinnedIn: z.array(DiffSideSchema).min(1) }),
]);
export type SubflowDiffDto = z.infer<typeof SubflowDiffDtoSchema>;

/** The version diff: the caller's own changes, and each flow it calls (children and theirs). */
export const DiffDtoSchema = FlowDiffDtoSchema.extend({ subflows: z.array(SubflowDiffDtoSchema) });
export type DiffDto = z.infer<typeof DiffDtoSchema>;

/** Every error answer: a stable code, a sentence, optional details (diagnostics, revisions). */
export const ApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

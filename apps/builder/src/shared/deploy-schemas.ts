import { z } from "zod";
import { VersionSummaryDtoSchema, VersionTestsDtoSchema } from "./api-schemas";

/** The runtime's base URL: http(s) only, without a trailing slash once normalised. */
export const RuntimeUrlSchema = z
  .url({ protocol: /^https?$/, error: "the runtime URL must be an http(s) URL, e.g. http://localhost:7860" })
  .transform((url) => url.replace(/\/+$/, ""));

/** POST /api/flows/:flowId/deploy: publish the draft (or reuse a version) and send it to a runtime. */
export const DeployBodySchema = z.object({
  runtimeUrl: RuntimeUrlSchema,
  /** A published version to deploy; without it the draft is published (or its identical version reused). */
  versionId: z.string().min(1).optional(),
  /** Deploy even though some test cases fail on what would be deployed (otherwise a 409 `tests-failed`). */
  allowFailingTests: z.boolean().default(false),
});
export type DeployBody = z.input<typeof DeployBodySchema>;

export const DeploymentDtoSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  versionId: z.string(),
  name: z.string(),
  runtimeUrl: z.string().nullable(),
  status: z.enum(["active", "superseded", "stopped"]),
  createdAt: z.string(),
});
export type DeploymentDto = z.infer<typeof DeploymentDtoSchema>;

export const DeployResultSchema = z.object({
  deployment: DeploymentDtoSchema,
  version: VersionSummaryDtoSchema,
  /** True when an existing version was deployed (asked for, or identical to the draft). */
  reused: z.boolean(),
  /** What the runtime answered to POST /admin/flow. */
  runtime: z.record(z.string(), z.unknown()),
  /** The flow's test cases on what was deployed (recorded against the version); null: it has none. */
  tests: VersionTestsDtoSchema.nullable().default(null),
});
export type DeployResult = z.infer<typeof DeployResultSchema>;

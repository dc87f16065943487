import { z } from "zod";
import { IdSchema } from "./common";
import { PublishDocumentSchema, requireRevisionWithDocument, type FlowVersion } from "./version";

export const DeploymentStatusSchema = z.enum(["active", "superseded", "stopped"]);
export type DeploymentStatus = z.infer<typeof DeploymentStatusSchema>;

export const DeploymentSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  versionId: z.string(),
  /** The environment, e.g. "production". */
  name: z.string(),
  runtimeUrl: z.string().nullable(),
  status: DeploymentStatusSchema,
  createdAt: z.date(),
});
export type Deployment = z.infer<typeof DeploymentSchema>;

export const EnvironmentNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "an environment name is letters, digits, '.', '_' or '-'");

export const CreateDeploymentInputSchema = z.object({
  flowId: IdSchema,
  versionId: IdSchema,
  name: EnvironmentNameSchema.default("production"),
  runtimeUrl: z.url().optional(),
});
export type CreateDeploymentInput = z.input<typeof CreateDeploymentInputSchema>;

export const GetActiveDeploymentInputSchema = z.object({
  flowId: IdSchema,
  name: EnvironmentNameSchema.default("production"),
});
export type GetActiveDeploymentInput = z.input<typeof GetActiveDeploymentInputSchema>;

export const PublishAndDeployInputSchema = z
  .object({
    flowId: IdSchema,
    note: z.string().max(5000).default(""),
    /** Publish only if the draft is still at this revision (else conflict, nothing written). */
    expectedRevision: z.number().int().nonnegative().optional(),
    /** What to store as the version instead of the draft (as in versions.publish; needs expectedRevision). */
    document: PublishDocumentSchema,
    name: EnvironmentNameSchema.default("production"),
    runtimeUrl: z.url().optional(),
  })
  .superRefine(requireRevisionWithDocument);
export type PublishAndDeployInput = z.input<typeof PublishAndDeployInputSchema>;

export interface PublishedDeployment {
  version: FlowVersion;
  deployment: Deployment;
  /** The draft was identical to this existing version, which was deployed. */
  reused: boolean;
}

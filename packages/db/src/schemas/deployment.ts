import { z } from "zod";
import { IdSchema } from "./common";

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

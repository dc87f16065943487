import type { Deployment as DeploymentRow } from "../generated/sqlite/client";
import { DeploymentSchema, type Deployment } from "../schemas/deployment";

export function toDeployment(row: DeploymentRow): Deployment {
  return DeploymentSchema.parse(row);
}

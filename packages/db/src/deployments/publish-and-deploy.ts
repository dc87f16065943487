import type { DbContext } from "../connection/db-context";
import { isDbError, parseInput } from "../errors/db-error";
import { PublishAndDeployInputSchema, type PublishAndDeployInput, type PublishedDeployment } from "../schemas/deployment";
import { publishInTransaction, retryingPublishRaces } from "../versions/publish-version";
import { toVersion } from "../versions/to-version";
import { deployInTransaction } from "./create-deployment";

/**
 * Publishes the draft and deploys it in one transaction, so a deploy is recorded whole or not at
 * all. A draft identical to a published version deploys that version (`reused`). With
 * `expectedRevision`, a draft saved since is a `conflict` and nothing is written. With `document`
 * (and its `expectedRevision`), that document is what is published and compared, not the draft.
 */
export async function publishAndDeploy(ctx: DbContext, input: PublishAndDeployInput): Promise<PublishedDeployment> {
  const where = "deployments.publishAndDeploy";
  const data = parseInput(PublishAndDeployInputSchema, input, where);
  const publish = {
    flowId: data.flowId,
    note: data.note,
    ...(data.expectedRevision !== undefined ? { expectedRevision: data.expectedRevision } : {}),
    ...(data.document !== undefined ? { document: data.document } : {}),
  };
  return retryingPublishRaces(where, data.flowId, () =>
    ctx.prisma.$transaction(async (tx) => {
      let reused = false;
      let version;
      try {
        version = await publishInTransaction(tx, publish, where);
      } catch (error) {
        const same = isDbError(error, "unchanged") ? error.details.versionId : undefined;
        if (typeof same !== "string") throw error;
        const row = await tx.flowVersion.findUniqueOrThrow({ where: { id: same } });
        version = toVersion(row, where);
        reused = true;
      }
      const deployment = await deployInTransaction(ctx, tx, { flowId: data.flowId, versionId: version.id, name: data.name, runtimeUrl: data.runtimeUrl ?? null });
      return { version, deployment, reused };
    }),
  );
}

import type { z } from "zod";
import type { DbContext, TxClient } from "../connection/db-context";
import { isUniqueViolation } from "../connection/prisma-errors";
import { DbError, parseInput } from "../errors/db-error";
import { draftConflict } from "../flows/save-draft";
import { findLiveFlow } from "../flows/find-live-flow";
import { canonicalJson, contentHash } from "../json/canonical-json";
import { readJsonColumn } from "../json/json-column";
import { JsonObjectSchema } from "../schemas/common";
import { PublishVersionInputSchema, type FlowVersion, type PublishVersionInput } from "../schemas/version";
import { toVersion } from "./to-version";

/**
 * Publishes the current draft as the next immutable version (1, 2, 3 …) with the sha256 of its
 * canonical JSON. A draft identical to any published version of the flow is an `unchanged`
 * error naming that version (deploy it instead). With `document`, that document is stored (and
 * hashed and compared) instead of the draft, once the draft is checked to be still at
 * `expectedRevision`: the caller made it from that revision (the builder adds the subflows). Two publishes racing for the same number are
 * retried, so the loser sees the winner's version and reports `unchanged`.
 */
export async function publishVersion(ctx: DbContext, input: PublishVersionInput): Promise<FlowVersion> {
  const where = "versions.publish";
  const data = parseInput(PublishVersionInputSchema, input, where);
  return retryingPublishRaces(where, data.flowId, () => ctx.prisma.$transaction((tx) => publishInTransaction(tx, data, where)));
}

/**
 * The publish itself, inside the caller's transaction (deployments.publishAndDeploy uses it too).
 * Throws `unchanged` (with the identical version in its details) and `conflict` as publishVersion does.
 */
export async function publishInTransaction(tx: TxClient, data: z.output<typeof PublishVersionInputSchema>, where: string): Promise<FlowVersion> {
  const flow = await findLiveFlow(tx, data.flowId, where);
  if (data.expectedRevision !== undefined && flow.draftRevision !== data.expectedRevision) {
    throw draftConflict(where, flow.id, data.expectedRevision, flow.draftRevision);
  }
  // The caller's document was made from the draft at expectedRevision, checked just above.
  const document = data.document ?? readJsonColumn(JsonObjectSchema, flow.document, where, "Flow.document");
  const hash = contentHash(document);
  const same = await tx.flowVersion.findUnique({
    where: { flowId_contentHash: { flowId: flow.id, contentHash: hash } },
    select: { id: true, number: true },
  });
  if (same) {
    throw new DbError(
      "unchanged",
      `${data.document ? "What the draft publishes" : "The draft"} is identical to published version ${same.number}: nothing to publish. Deploy version ${same.number}, or change the draft first.`,
      { where, details: { flowId: flow.id, versionId: same.id, number: same.number, contentHash: hash } },
    );
  }
  const last = await tx.flowVersion.findFirst({
    where: { flowId: flow.id },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const row = await tx.flowVersion.create({
    data: {
      flowId: flow.id,
      number: (last?.number ?? 0) + 1,
      // Stored canonical: the published text is exactly what was hashed.
      document: canonicalJson(document),
      contentHash: hash,
      note: data.note,
    },
  });
  return toVersion(row, where);
}

/** Two publishes racing for the same number: retried, so the loser sees the winner's version. */
export async function retryingPublishRaces<T>(where: string, flowId: string, attempt: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (tries >= 4) {
        throw new DbError("conflict", "Other publishes of this flow kept racing this one; try again.", { where, details: { flowId }, cause: error });
      }
    }
  }
}

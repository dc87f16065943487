import type { FlowDoc } from "../canvas/flow-types";
import { diffSubflows } from "../canvas/subflow-diff";
import { diffFlows, toFlowDiffDto } from "../canvas/version-diff";
import type { DiffDto } from "../shared/api-schemas";
import { bundleSubflows } from "./bundle-subflows";
import { flowDocumentOrNull, getFlow, getVersion, listFlows } from "./store";

type Document = Record<string, unknown>;

/**
 * What a side of a diff stands for: a version's stored document (the bundle it pinned), or for
 * `draft` the bundle publishing the draft would store now (the children's current drafts
 * embedded), so a diff to the draft answers "what would a new version change, subflows included".
 * A draft calling a flow the builder does not have cannot be bundled: the same `invalid-flow`
 * error publishing gives, naming the subflow node.
 */
async function sideDocument(flowId: string, ref: string): Promise<Document> {
  if (ref !== "draft") return (await getVersion(flowId, ref)).document;
  return bundleSubflows((await getFlow(flowId)).document, flowDocumentOrNull);
}

/** The diff from one version (or the draft) of a flow to another: the caller's changes and each subflow's. */
export async function diffVersions(flowId: string, from: string, to: string): Promise<DiffDto> {
  const [before, after] = await Promise.all([sideDocument(flowId, from), sideDocument(flowId, to)]);
  // Flows neither side embeds (a version from before pinning) are named as the builder names them now.
  const names = new Map((await listFlows()).map((f) => [f.id, f.name]));
  return {
    ...toFlowDiffDto(diffFlows(before as unknown as FlowDoc, after as unknown as FlowDoc)),
    subflows: diffSubflows(before, after, (ref) => names.get(ref)),
  };
}

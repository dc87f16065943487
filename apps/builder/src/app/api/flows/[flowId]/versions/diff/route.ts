import { parseWith, respond, type RouteContext } from "@/server/respond";
import { DiffQuerySchema } from "@/shared/api-schemas";
import { getFlow, getVersion } from "@/server/store";
import { diffFlows } from "@/canvas/version-diff";
import type { FlowDoc } from "@/canvas/flow-types";

export const dynamic = "force-dynamic";

/**
 * GET /api/flows/:flowId/versions/diff?from=<versionId>&to=<versionId|draft>
 * → { nodes: {id: added|removed|changed}, edges: {…}, other: string[] }
 */
export function GET(request: Request, { params }: RouteContext<"flowId">): Promise<Response> {
  return respond(async () => {
    const { flowId } = await params;
    const query = parseWith(DiffQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
    const load = async (ref: string) => (ref === "draft" ? (await getFlow(flowId)).document : (await getVersion(flowId, ref)).document) as unknown as FlowDoc;
    const diff = diffFlows(await load(query.from), await load(query.to));
    return { nodes: Object.fromEntries(diff.nodes), edges: Object.fromEntries(diff.edges), other: diff.other };
  });
}

import { parseWith, respond, type RouteContext } from "@/server/respond";
import { DiffQuerySchema } from "@/shared/api-schemas";
import { diffVersions } from "@/server/diff-versions";

export const dynamic = "force-dynamic";

/**
 * GET /api/flows/:flowId/versions/diff?from=<versionId|draft>&to=<versionId|draft>
 * → `DiffDto`: { nodes: {id: added|removed|changed}, edges: {…}, other: string[], subflows: [...] },
 * the caller's own changes and, per flow it calls (embedded in a version; for the draft, as
 * publishing would embed them now), added, removed, changed (with its own diff), unchanged or
 * not-pinned.
 */
export function GET(request: Request, { params }: RouteContext<"flowId">): Promise<Response> {
  return respond(async () => {
    const { flowId } = await params;
    const query = parseWith(DiffQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
    return diffVersions(flowId, query.from, query.to);
  });
}

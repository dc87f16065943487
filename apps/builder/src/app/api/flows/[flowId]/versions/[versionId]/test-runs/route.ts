import { respond, type RouteContext } from "@/server/respond";
import { getVersion } from "@/server/store";
import { testsSummary, testVersion } from "@/server/version-tests";

export const dynamic = "force-dynamic";

/**
 * POST /api/flows/:flowId/versions/:versionId/test-runs → 201 { tests }: runs the flow's test
 * cases on the version as it was published (its embedded subflows included) and records the run
 * against it; `tests` is null when the flow has no test cases.
 */
export function POST(_request: Request, { params }: RouteContext<"flowId" | "versionId">): Promise<Response> {
  return respond(async () => {
    const { flowId, versionId } = await params;
    const run = await testVersion(flowId, versionId, (await getVersion(flowId, versionId)).document);
    return { tests: run && testsSummary(run) };
  }, 201);
}

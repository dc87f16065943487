import { readBody, respond, type RouteContext } from "@/server/respond";
import { DeployBodySchema } from "@/shared/deploy-schemas";
import { deployFlow } from "@/server/deploy";

export const dynamic = "force-dynamic";

/**
 * POST /api/flows/:flowId/deploy { runtimeUrl, versionId? } → 201 { deployment, version, reused, runtime }.
 * Without versionId the draft is published (or its identical version reused). 422 for an invalid
 * draft, 404 for an unknown flow or version, 502 when the runtime is unreachable or refuses the
 * flow (nothing is published or recorded then), 409 when the draft was saved during the deploy,
 * 409 `tests-failed` when the flow's test cases fail on what would be deployed (unless
 * `allowFailingTests`; nothing is sent then). The run is recorded against the deployed version.
 */
export function POST(request: Request, { params }: RouteContext<"flowId">): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, DeployBodySchema);
    return deployFlow((await params).flowId, body.runtimeUrl, body.versionId, body.allowFailingTests);
  }, 201);
}

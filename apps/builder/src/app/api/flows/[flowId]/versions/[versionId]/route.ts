import { respond, type RouteContext } from "@/server/respond";
import { getVersion } from "@/server/store";

export const dynamic = "force-dynamic";

/** GET /api/flows/:flowId/versions/:versionId → { version } (with its immutable document) */
export function GET(_request: Request, { params }: RouteContext<"flowId" | "versionId">): Promise<Response> {
  return respond(async () => {
    const { flowId, versionId } = await params;
    return { version: await getVersion(flowId, versionId) };
  });
}

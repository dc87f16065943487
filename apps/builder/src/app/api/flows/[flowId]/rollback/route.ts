import { readBody, respond, type RouteContext } from "@/server/respond";
import { RollbackBodySchema } from "@/shared/api-schemas";
import { rollback } from "@/server/store";

export const dynamic = "force-dynamic";

/** POST /api/flows/:flowId/rollback { versionId, expectedRevision? } → { flow } (the draft becomes that version) */
export function POST(request: Request, { params }: RouteContext<"flowId">): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, RollbackBodySchema);
    return { flow: await rollback((await params).flowId, body.versionId, body.expectedRevision) };
  });
}

import { readBody, respond, type RouteContext } from "@/server/respond";
import { SaveDraftBodySchema } from "@/shared/api-schemas";
import { saveDraft } from "@/server/store";

export const dynamic = "force-dynamic";

/**
 * PUT /api/flows/:flowId/draft { expectedRevision, document } → { flow } (summary, new revision).
 * 409 conflict (details.currentRevision) when someone saved meanwhile: nothing is written, and
 * the stored draft stays the last good one.
 */
export function PUT(request: Request, { params }: RouteContext<"flowId">): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, SaveDraftBodySchema);
    return { flow: await saveDraft((await params).flowId, body.expectedRevision, body.document) };
  });
}

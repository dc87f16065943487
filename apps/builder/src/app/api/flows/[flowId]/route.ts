import { readBody, respond, type RouteContext } from "@/server/respond";
import { RenameFlowBodySchema } from "@/shared/api-schemas";
import { deleteFlow, getFlow, renameFlow } from "@/server/store";

export const dynamic = "force-dynamic";
type Ctx = RouteContext<"flowId">;

/** GET /api/flows/:flowId → { flow } (with its draft document and revision) */
export function GET(_request: Request, { params }: Ctx): Promise<Response> {
  return respond(async () => ({ flow: await getFlow((await params).flowId) }));
}

/** PATCH /api/flows/:flowId { name, description? } → { flow } */
export function PATCH(request: Request, { params }: Ctx): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, RenameFlowBodySchema);
    return { flow: await renameFlow((await params).flowId, body.name, body.description) };
  });
}

/** DELETE /api/flows/:flowId → { flow } (soft delete: versions and runs are kept) */
export function DELETE(_request: Request, { params }: Ctx): Promise<Response> {
  return respond(async () => ({ flow: await deleteFlow((await params).flowId) }));
}

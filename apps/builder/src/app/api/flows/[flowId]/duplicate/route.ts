import { readBody, respond, type RouteContext } from "@/server/respond";
import { DuplicateFlowBodySchema } from "@/shared/api-schemas";
import { duplicateFlow } from "@/server/store";

export const dynamic = "force-dynamic";

/** POST /api/flows/:flowId/duplicate { name? } → 201 { flow } */
export function POST(request: Request, { params }: RouteContext<"flowId">): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, DuplicateFlowBodySchema);
    return { flow: await duplicateFlow((await params).flowId, body.name) };
  }, 201);
}

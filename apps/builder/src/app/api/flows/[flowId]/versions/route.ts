import { readBody, respond, type RouteContext } from "@/server/respond";
import { PublishBodySchema } from "@/shared/api-schemas";
import { listVersionsWithTests, publishAndTest } from "@/server/version-tests";

export const dynamic = "force-dynamic";
type Ctx = RouteContext<"flowId">;

/** GET /api/flows/:flowId/versions → { versions } (newest first) */
export function GET(_request: Request, { params }: Ctx): Promise<Response> {
  return respond(async () => ({ versions: await listVersionsWithTests((await params).flowId) }));
}

/** POST /api/flows/:flowId/versions { note?, expectedRevision? } → 201 { version }; 422 if the draft is not a valid flow */
export function POST(request: Request, { params }: Ctx): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, PublishBodySchema);
    return { version: await publishAndTest((await params).flowId, body.note, body.expectedRevision) };
  }, 201);
}

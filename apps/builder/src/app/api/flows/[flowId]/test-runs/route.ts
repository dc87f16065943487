import { readBody, respond, type RouteContext } from "@/server/respond";
import { RecordTestRunBodySchema } from "@/shared/api-schemas";
import { listTestRuns, recordTestRun } from "@/server/store";

export const dynamic = "force-dynamic";
type Ctx = RouteContext<"flowId">;

/** GET /api/flows/:flowId/test-runs → { testRuns } (newest first) */
export function GET(_request: Request, { params }: Ctx): Promise<Response> {
  return respond(async () => ({ testRuns: await listTestRuns((await params).flowId) }));
}

/** POST /api/flows/:flowId/test-runs { versionId?, results } → 201 { testRun } (runs happen in the browser) */
export function POST(request: Request, { params }: Ctx): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, RecordTestRunBodySchema);
    return { testRun: await recordTestRun((await params).flowId, body.results, body.versionId) };
  }, 201);
}

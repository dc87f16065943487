import { readBody, respond, type RouteContext } from "@/server/respond";
import { CreateTestCaseBodySchema } from "@/shared/api-schemas";
import { createTestCase, listTestCases } from "@/server/store";

export const dynamic = "force-dynamic";
type Ctx = RouteContext<"flowId">;

/** GET /api/flows/:flowId/test-cases → { testCases } */
export function GET(_request: Request, { params }: Ctx): Promise<Response> {
  return respond(async () => ({ testCases: await listTestCases((await params).flowId) }));
}

/** POST /api/flows/:flowId/test-cases { name, conversation } → 201 { testCase } */
export function POST(request: Request, { params }: Ctx): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, CreateTestCaseBodySchema);
    return { testCase: await createTestCase((await params).flowId, body.name, body.conversation) };
  }, 201);
}

import { readBody, respond, type RouteContext } from "@/server/respond";
import { UpdateTestCaseBodySchema } from "@/shared/api-schemas";
import { deleteTestCase, updateTestCase } from "@/server/store";

export const dynamic = "force-dynamic";
type Ctx = RouteContext<"flowId" | "caseId">;

/** PATCH /api/flows/:flowId/test-cases/:caseId { name?, conversation? } → { testCase } */
export function PATCH(request: Request, { params }: Ctx): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, UpdateTestCaseBodySchema);
    const { flowId, caseId } = await params;
    return { testCase: await updateTestCase(flowId, caseId, body) };
  });
}

/** DELETE /api/flows/:flowId/test-cases/:caseId → { deleted: true } */
export function DELETE(_request: Request, { params }: Ctx): Promise<Response> {
  return respond(async () => {
    const { flowId, caseId } = await params;
    await deleteTestCase(flowId, caseId);
    return { deleted: true };
  });
}

import { AppError } from "@/server/app-error";
import { readBody, respond, type RouteContext } from "@/server/respond";
import { importTestCases } from "@/server/store";
import { ImportTestFileBodySchema } from "@/shared/api-schemas";
import { readTestFileCases } from "@/tests/cases-from-test-file";

export const dynamic = "force-dynamic";

/**
 * POST /api/flows/:flowId/test-cases/import { fileName, text } → 201 { created, updated }
 * Reads a `voxchart test` file (YAML, or JSON for `.json`); a file with problems is refused as a
 * whole (400 `invalid-test-file`, each problem with its line and path) and nothing is saved.
 */
export function POST(request: Request, { params }: RouteContext<"flowId">): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, ImportTestFileBodySchema);
    const read = readTestFileCases(body.text, body.fileName);
    if (!read.ok) {
      const problems = read.problems;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
      throw new AppError("invalid-test-file", `${problems[0] ?? `${body.fileName} is not a test file`}${more}`, { problems });
    }
    return importTestCases((await params).flowId, read.cases);
  }, 201);
}

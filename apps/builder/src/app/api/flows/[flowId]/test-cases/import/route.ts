import { formatTestFileProblem, parseTestFile } from "@voxchart/engine";
import { AppError } from "@/server/app-error";
import { readBody, respond, type RouteContext } from "@/server/respond";
import { importTestCases } from "@/server/store";
import { ImportTestFileBodySchema } from "@/shared/api-schemas";
import { casesFromTestFile } from "@/tests/cases-from-test-file";

export const dynamic = "force-dynamic";

/**
 * POST /api/flows/:flowId/test-cases/import { fileName, text } → 201 { created, updated }
 * Reads a `voxchart test` file (YAML, or JSON for `.json`); a file with problems is refused as a
 * whole (400 `invalid-test-file`, each problem with its line and path) and nothing is saved.
 */
export function POST(request: Request, { params }: RouteContext<"flowId">): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, ImportTestFileBodySchema);
    const parsed = parseTestFile(body.text, body.fileName);
    if (!parsed.ok) {
      const problems = parsed.problems.map(formatTestFileProblem);
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
      throw new AppError("invalid-test-file", `${problems[0] ?? `${body.fileName} is not a test file`}${more}`, { problems });
    }
    return importTestCases((await params).flowId, casesFromTestFile(parsed.testFile));
  }, 201);
}

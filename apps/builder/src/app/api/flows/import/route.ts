import { readBody, respond } from "@/server/respond";
import { ImportFlowBodySchema } from "@/shared/api-schemas";
import { importFlow } from "@/server/store";

export const dynamic = "force-dynamic";

/** POST /api/flows/import { document } → 201 { flow }; 422 with diagnostics when not a valid flow */
export function POST(request: Request): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, ImportFlowBodySchema);
    return { flow: await importFlow(body.document) };
  }, 201);
}

import { readBody, respond } from "@/server/respond";
import { CreateFlowBodySchema } from "@/shared/api-schemas";
import { createFlow, listFlows } from "@/server/store";

export const dynamic = "force-dynamic";

/** GET /api/flows → { flows: FlowSummary[] } */
export function GET(): Promise<Response> {
  return respond(async () => ({ flows: await listFlows() }));
}

/** POST /api/flows { name, description? } → 201 { flow } (a starter flow) */
export function POST(request: Request): Promise<Response> {
  return respond(async () => {
    const body = await readBody(request, CreateFlowBodySchema);
    return { flow: await createFlow(body.name, body.description) };
  }, 201);
}

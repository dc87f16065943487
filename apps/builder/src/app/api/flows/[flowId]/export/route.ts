import { respond, type RouteContext } from "@/server/respond";
import { getFlow } from "@/server/store";

export const dynamic = "force-dynamic";

/** GET /api/flows/:flowId/export → the draft as a `<slug>.flow.json` download */
export function GET(_request: Request, { params }: RouteContext<"flowId">): Promise<Response> {
  return respond(async () => {
    const flow = await getFlow((await params).flowId);
    return new Response(`${JSON.stringify(flow.document, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${flow.slug}.flow.json"`,
      },
    });
  });
}

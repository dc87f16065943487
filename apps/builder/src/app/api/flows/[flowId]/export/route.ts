import { respond, type RouteContext } from "@/server/respond";
import { bundleSubflows } from "@/server/bundle-subflows";
import { flowDocumentOrNull, getFlow } from "@/server/store";

export const dynamic = "force-dynamic";

/**
 * GET /api/flows/:flowId/export → the draft as a `<slug>.flow.json` download, with the flows its
 * subflow nodes call embedded, so `voxchart lint|test|serve` read it on its own.
 */
export function GET(_request: Request, { params }: RouteContext<"flowId">): Promise<Response> {
  return respond(async () => {
    const flow = await getFlow((await params).flowId);
    const document = await bundleSubflows(flow.document as Record<string, unknown>, flowDocumentOrNull);
    return new Response(`${JSON.stringify(document, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${flow.slug}.flow.json"`,
      },
    });
  });
}

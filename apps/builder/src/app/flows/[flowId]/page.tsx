import { notFound } from "next/navigation";
import { isDbError } from "@voxchart/db";
import { getFlow, listFlows } from "@/server/store";
import { Workbench } from "@/components/workbench/workbench";
import { initialDiagnostics } from "@/server/initial-checks";
import type { FlowDoc } from "@/canvas/flow-types";

export const dynamic = "force-dynamic";

export default async function FlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  try {
    const [flow, flows] = await Promise.all([getFlow(flowId), listFlows()]);
    // The problems of the flow as opened come with the page: the browser checks again once idle.
    const diagnostics = await initialDiagnostics(flow.document as unknown as FlowDoc);
    return <Workbench key={flow.id} initialFlow={flow} initialFlows={flows} initialDiagnostics={diagnostics} />;
  } catch (error) {
    if (isDbError(error, "not-found")) notFound();
    throw error;
  }
}

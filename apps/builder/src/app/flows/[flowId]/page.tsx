import { notFound } from "next/navigation";
import { isDbError } from "@voxchart/db";
import { getFlow, listFlows } from "@/server/store";
import { Workbench } from "@/components/workbench/workbench";

export const dynamic = "force-dynamic";

export default async function FlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  try {
    const [flow, flows] = await Promise.all([getFlow(flowId), listFlows()]);
    return <Workbench key={flow.id} initialFlow={flow} initialFlows={flows} />;
  } catch (error) {
    if (isDbError(error, "not-found")) notFound();
    throw error;
  }
}

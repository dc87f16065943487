import { notFound } from "next/navigation";
import { isDbError } from "@voxchart/db";
import type { FlowDoc } from "@/canvas/flow-types";
import { activeDeployment, getFlow, getVersion } from "@/server/store";
import { TalkView } from "@/components/talk/talk-view";
import "@/components/talk/talk.css";

export const dynamic = "force-dynamic";

interface TalkPageProps {
  params: Promise<{ flowId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** /talk/:flowId[?runtime=http://…] — a voice call to the runtime, over the flow it serves. */
export default async function TalkPage({ params, searchParams }: TalkPageProps) {
  const { flowId } = await params;
  const query = await searchParams;
  try {
    const flow = await getFlow(flowId);
    const deployment = await activeDeployment(flowId);
    const version = deployment ? await getVersion(flowId, deployment.versionId) : null;
    const runtime = typeof query.runtime === "string" && query.runtime ? query.runtime : (deployment?.runtimeUrl ?? null);
    return (
      <TalkView
        flowId={flow.id}
        flowName={flow.name}
        doc={(version?.document ?? flow.document) as unknown as FlowDoc}
        source={version ? `deployed v${version.number}` : "draft (not deployed yet)"}
        runtimeUrl={runtime}
      />
    );
  } catch (error) {
    if (isDbError(error, "not-found")) notFound();
    throw error;
  }
}

import { redirect } from "next/navigation";
import { listFlows } from "@/server/store";
import { EmptyHome } from "@/components/workbench/empty-home";

export const dynamic = "force-dynamic";

/** The builder opens the most recently edited flow. */
export default async function Home() {
  const flows = await listFlows();
  const first = flows[0];
  if (first) redirect(`/flows/${first.id}`);
  return <EmptyHome />;
}

import type { DeployResult } from "../shared/deploy-schemas";
import { AppError } from "./app-error";
import { recordDeployment, versionForDeploy } from "./store";

const RUNTIME_TIMEOUT_MS = 15_000;

/** Reads a JSON answer, or null when the body is not JSON. */
async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function runtimeMessage(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") return error.message;
  return typeof error === "string" ? error : undefined;
}

/** POSTs a flow document to `${runtimeUrl}/admin/flow`; any failure is a 502 naming the runtime's reason. */
async function sendToRuntime(runtimeUrl: string, document: Record<string, unknown>): Promise<Record<string, unknown>> {
  const url = `${runtimeUrl}/admin/flow`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ flow: document }),
      signal: AbortSignal.timeout(RUNTIME_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new AppError("runtime-error", `The runtime at ${runtimeUrl} could not be reached (${reason}). Is \`voxchart serve\` running?`, { runtimeUrl });
  }
  const body = await jsonOf(response);
  if (!response.ok) {
    const reason = runtimeMessage(body) ?? `HTTP ${response.status}`;
    throw new AppError("runtime-error", `The runtime refused the deploy (${response.status}): ${reason}`, { runtimeUrl, runtimeStatus: response.status, runtime: body });
  }
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Publishes (or reuses) a version, sends its document to the runtime, and records the deployment. */
export async function deployFlow(flowId: string, runtimeUrl: string, versionId?: string): Promise<DeployResult> {
  const { version, reused } = await versionForDeploy(flowId, versionId);
  const runtime = await sendToRuntime(runtimeUrl, version.document);
  const deployment = await recordDeployment(flowId, version.id, runtimeUrl);
  const { document: _document, ...summary } = version;
  return { deployment, version: summary, reused, runtime };
}

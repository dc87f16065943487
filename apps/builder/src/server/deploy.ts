import type { DeployResult } from "../shared/deploy-schemas";
import { AppError, toAppError } from "./app-error";
import { versionToSend } from "./pinned-subflows";
import { deployCandidate, flowDocumentOrNull, publishAndRecordDeployment, recordDeployment, recordTestRun } from "./store";
import { runCasesOn, testsSummary } from "./version-tests";
import type { VersionTestsDto } from "../shared/api-schemas";

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
    throw new AppError("runtime-error", `The runtime at ${runtimeUrl} refused the deploy (${response.status}): ${reason}`, { runtimeUrl, runtimeStatus: response.status, runtime: body });
  }
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/**
 * A failure after the runtime accepted the flow: the runtime now runs it, but the builder could
 * not publish or record it. Keeps the error's code (a draft saved meanwhile stays a 409).
 */
function notRecorded(error: unknown, runtimeUrl: string): AppError {
  const cause = toAppError(error);
  const what =
    cause.code === "conflict"
      ? "the draft was saved again while it was being deployed, so no version was published for what the runtime received."
      : `the builder could not record the deploy (${cause.message}).`;
  return new AppError(cause.code, `The runtime at ${runtimeUrl} accepted the flow, but ${what} Deploy again to publish and record the current draft.`, { ...cause.details, runtimeUrl });
}

/**
 * Sends the flow to the runtime first, and writes (publishes the draft and records the deployment,
 * in one transaction) only once it was accepted: a refused or unreachable runtime leaves the
 * versions and deployments as they were. The runtime gets the document, not a version id, so nothing needs
 * to exist before it answers. What is published is exactly what the runtime received.
 */
export async function deployFlow(flowId: string, runtimeUrl: string, versionId?: string, allowFailingTests = false): Promise<DeployResult> {
  const candidate = await deployCandidate(flowId, versionId);
  // The runtime cannot see the builder's flows: the subflows travel with the document. A draft's
  // candidate is already its bundle (what gets published); a version stores the bundle it was
  // published with, sent as is, so a redeploy (a rollback) runs the children it pinned.
  const document = candidate.kind === "version" ? await versionToSend(candidate.version.document, flowDocumentOrNull) : candidate.document;
  // The test cases gate the deploy: they run on exactly what would be sent.
  const run = await runCasesOn(flowId, document);
  const tests: VersionTestsDto | null = run && testsSummary(run);
  if (tests && tests.failed > 0 && !allowFailingTests) {
    const what = candidate.kind === "version" ? `Version ${candidate.version.number}` : "The draft";
    throw new AppError("tests-failed", `${what} fails ${tests.failed} of ${tests.passed + tests.failed} test cases (${tests.failures[0] ?? ""}). Fix them, or deploy anyway.`, { ...tests });
  }
  const runtime = await sendToRuntime(runtimeUrl, document);
  try {
    const deployed =
      candidate.kind === "draft"
        ? { ...(await publishAndRecordDeployment(flowId, candidate.draftRevision, runtimeUrl, candidate.document)), runtime }
        : { deployment: await recordDeployment(flowId, candidate.version.id, runtimeUrl), version: withoutDocument(candidate.version), reused: true, runtime };
    if (run) await recordTestRun(flowId, run.results, deployed.version.id);
    return { ...deployed, tests };
  } catch (error) {
    throw notRecorded(error, runtimeUrl);
  }
}

function withoutDocument<V extends { document: unknown }>(version: V): Omit<V, "document"> {
  const { document: _document, ...summary } = version;
  return summary;
}

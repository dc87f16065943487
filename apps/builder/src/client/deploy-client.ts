import { ApiErrorSchema } from "../shared/api-schemas";
import { DeployResultSchema, type DeployResult } from "../shared/deploy-schemas";
import { ApiRequestError } from "./api-client";

/** POST /api/flows/:flowId/deploy; errors are ApiRequestError with the server's sentence. */
export async function deployFlow(flowId: string, runtimeUrl: string, options: { versionId?: string; allowFailingTests?: boolean } = {}): Promise<DeployResult> {
  let response: Response;
  try {
    response = await fetch(`/api/flows/${encodeURIComponent(flowId)}/deploy`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ runtimeUrl, ...options }),
    });
  } catch (error) {
    throw new ApiRequestError(0, "network", `The builder server could not be reached (${error instanceof Error ? error.message : String(error)}).`);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(json);
    if (parsed.success) throw new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
    throw new ApiRequestError(response.status, "http", `The server answered ${response.status}.`);
  }
  return DeployResultSchema.parse(json);
}

export const DEFAULT_RUNTIME_URL = "http://localhost:7860";
const KEY = "voxchart:runtime-url";

/** The runtime URL last used in this browser (shared by the deploy panel and the talk page). */
export function savedRuntimeUrl(): string {
  try {
    return window.localStorage.getItem(KEY) ?? DEFAULT_RUNTIME_URL;
  } catch {
    return DEFAULT_RUNTIME_URL;
  }
}

export function saveRuntimeUrl(url: string): void {
  try {
    window.localStorage.setItem(KEY, url);
  } catch {
    /* private mode: not remembered */
  }
}

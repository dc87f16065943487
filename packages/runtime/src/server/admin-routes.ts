import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { FlowCatalog, ServedFlow } from "./flow-catalog";
import { FlowLoadError } from "./load-flow";

/** POST /admin/flow: a flow document (bare, or as `flow`), or a published version id. */
export const DeployRequestSchema = z.union([
  z.object({ versionId: z.string().min(1), deploymentId: z.string().min(1).optional() }),
  z.object({ flow: z.record(z.string(), z.unknown()), deploymentId: z.string().min(1).optional() }),
  z.looseObject({ schemaVersion: z.number(), nodes: z.array(z.unknown()) }),
]);
export type DeployRequest = z.infer<typeof DeployRequestSchema>;

export interface AdminRoutesOptions {
  readonly catalog: FlowCatalog;
  readonly adminToken: string | undefined;
  /** Compiles a posted flow document (subflows relative to the served file). */
  readonly compile: (document: unknown) => ServedFlow["compiled"];
  /** Open sessions and other facts for GET /health. */
  readonly health: () => Record<string, unknown>;
  readonly onDeploy: (served: ServedFlow) => void;
}

export function describeServed(served: ServedFlow) {
  return {
    id: served.compiled.flow.id,
    name: served.compiled.flow.name,
    storeFlowId: served.flowId,
    versionId: served.versionId,
    deploymentId: served.deploymentId,
    source: served.source,
  };
}

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

const fail = (response: ServerResponse, status: number, code: string, message: string, details?: unknown) =>
  send(response, status, { error: { code, message, ...(details === undefined ? {} : { details }) } });

async function readJson(request: IncomingMessage, limit: number): Promise<{ ok: true; value: unknown } | { ok: false; status: number; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return { ok: false, status: 413, message: `the body exceeds ${limit} bytes` };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown };
  } catch (error) {
    return { ok: false, status: 400, message: `the body must be JSON (${(error as Error).message})` };
  }
}

function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

function authorized(request: IncomingMessage, adminToken: string | undefined): boolean {
  if (adminToken === undefined) return isLoopback(request.socket.remoteAddress);
  const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "");
  const expected = Buffer.from(adminToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * GET /health, GET /admin/flow and POST /admin/flow (deploy: new sessions use the new flow, live
 * ones keep theirs). Returns false for any other path, so the transport handles it.
 */
export function createAdminRoutes(options: AdminRoutesOptions) {
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/health") {
      if (request.method !== "GET") fail(response, 405, "admin/method-not-allowed", "GET /health");
      else send(response, 200, { ok: true, flow: describeServed(options.catalog.current()), ...options.health() });
      return true;
    }
    if (path !== "/admin/flow") return false;
    if (!authorized(request, options.adminToken)) {
      fail(response, options.adminToken === undefined ? 403 : 401, "admin/unauthorized", options.adminToken === undefined ? "admin routes answer local clients only unless the server has an admin token" : "send authorization: Bearer <admin token>");
      return true;
    }
    if (request.method === "GET") {
      send(response, 200, describeServed(options.catalog.current()));
      return true;
    }
    if (request.method !== "POST") {
      fail(response, 405, "admin/method-not-allowed", "GET or POST /admin/flow");
      return true;
    }
    void (async () => {
      const body = await readJson(request, 4 * 1024 * 1024);
      if (!body.ok) return fail(response, body.status, "admin/bad-request", body.message);
      const parsed = DeployRequestSchema.safeParse(body.value);
      if (!parsed.success) return fail(response, 400, "admin/bad-request", 'send {"versionId": "..."} or {"flow": {...flow document}} (or the flow document itself)');
      const request_ = parsed.data;
      const deploymentId = "deploymentId" in request_ && typeof request_.deploymentId === "string" ? request_.deploymentId : null;
      try {
        const served =
          "versionId" in request_ && typeof request_.versionId === "string"
            ? await options.catalog.deployVersion(request_.versionId, deploymentId)
            : await options.catalog.deploy(options.compile("flow" in request_ && typeof request_.flow === "object" ? request_.flow : request_), "request", deploymentId);
        options.onDeploy(served);
        send(response, 200, describeServed(served));
      } catch (error) {
        if (error instanceof FlowLoadError) return fail(response, 422, "admin/invalid-flow", error.message, error.diagnostics);
        const message = error instanceof Error ? error.message : String(error);
        if (/not found/i.test(message)) return fail(response, 404, "admin/not-found", message);
        fail(response, 500, "admin/deploy-failed", message);
      }
    })().catch((error: unknown) => {
      if (!response.headersSent) fail(response, 500, "admin/deploy-failed", String(error));
    });
    return true;
  };
}

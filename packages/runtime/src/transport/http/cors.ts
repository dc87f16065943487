import type { IncomingMessage, ServerResponse } from "node:http";

/** Allowed browser origins: "*" (default, fine for token-less local use) or an explicit list. */
export type CorsOrigins = "*" | readonly string[];

/** Sets CORS headers; returns true when the request was a preflight and has been answered. */
export function applyCors(request: IncomingMessage, response: ServerResponse, origins: CorsOrigins): boolean {
  const origin = request.headers.origin;
  if (origins === "*") response.setHeader("access-control-allow-origin", "*");
  else if (origin !== undefined && origins.includes(origin)) {
    response.setHeader("access-control-allow-origin", origin);
    response.setHeader("vary", "Origin");
  }
  if (request.method !== "OPTIONS") return false;
  response.setHeader("access-control-allow-methods", "POST, OPTIONS");
  // client-js sends JSON and may add an Authorization header (startBotAndConnect `headers`).
  response.setHeader("access-control-allow-headers", request.headers["access-control-request-headers"] ?? "content-type, authorization");
  response.setHeader("access-control-max-age", "600");
  response.writeHead(204);
  response.end();
  return true;
}

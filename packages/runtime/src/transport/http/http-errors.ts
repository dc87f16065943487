import type { ServerResponse } from "node:http";
import type { TransportError, TransportErrorCode } from "../errors";

/** The one table from error code to HTTP status. */
const STATUS: Partial<Record<TransportErrorCode, number>> = {
  "transport/bad-request": 400,
  "transport/invalid-json": 400,
  "transport/invalid-wav": 415,
  "transport/payload-too-large": 413,
  "transport/not-found": 404,
  "transport/method-not-allowed": 405,
  "transport/handler-failed": 500,
};

export function statusOf(code: TransportErrorCode): number {
  return STATUS[code] ?? 400;
}

export function sendJson(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** Error bodies: `{ error: { code, message } }`. */
export function sendError(response: ServerResponse, error: TransportError) {
  sendJson(response, statusOf(error.code), { error });
}

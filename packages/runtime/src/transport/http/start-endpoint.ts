import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { describeUnknown, transportError } from "../errors";
import { readBody } from "./read-body";
import { sendError, sendJson } from "./http-errors";

/** What POST /start answers. client-js rejects any other key ("Unrecognized connection parameter"). */
export const StartResponseSchema = z.strictObject({ wsUrl: z.string(), token: z.string() });
export type StartResponse = z.infer<typeof StartResponseSchema>;

export interface StartEndpointOptions {
  /** The WebSocket URL handed to clients; default: ws://<request Host><wsPath>. Set it behind a proxy or TLS. */
  readonly wsUrl?: string;
  /** Makes the session token (e.g. the id of a stored session to resume); default a random UUID. */
  readonly createToken?: (requestData: unknown) => string | Promise<string>;
}

/** POST /start for `client.startBotAndConnect({ endpoint })`: the body is the optional `requestData` JSON. */
export async function handleStart(request: IncomingMessage, response: ServerResponse, wsPath: string, options: StartEndpointOptions) {
  const body = await readBody(request, 64 * 1024);
  if (!body.ok) return sendError(response, body.error);
  let requestData: unknown;
  if (body.value.length > 0) {
    try {
      requestData = JSON.parse(body.value.toString("utf8"));
    } catch (cause) {
      return sendError(response, transportError("transport/invalid-json", `POST body must be JSON (${describeUnknown(cause)})`));
    }
  }
  let token: string;
  try {
    token = options.createToken ? await options.createToken(requestData) : randomUUID();
  } catch (cause) {
    return sendError(response, transportError("transport/handler-failed", `could not create a session token: ${describeUnknown(cause)}`));
  }
  const wsUrl = options.wsUrl ?? `ws://${request.headers.host ?? "localhost"}${wsPath}`;
  sendJson(response, 200, StartResponseSchema.parse({ wsUrl, token }));
}

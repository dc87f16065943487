import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { tokenFromUrl } from "../http/token-from-url";
import type { SessionHandler, Transport, TransportSession } from "../session";
import { startSession } from "../start-session";
import { resolvePipecatOptions, type PipecatTransportOptions } from "./pipecat-options";
import { createPipecatSession } from "./pipecat-session";

/** A WebSocket transport: mounted on an HTTP server by handing it the upgrade requests of its path. */
export interface UpgradeTransport extends Transport {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
}

/** The Pipecat WebSocket protocol on `ws`: what @pipecat-ai/websocket-transport connects to. */
export function createPipecatTransport(handler: SessionHandler, options: PipecatTransportOptions = {}): UpgradeTransport {
  const resolved = resolvePipecatOptions(options);
  // Our own size check (with an RTVI error) runs below this hard cap, where ws closes with 1009 unaided.
  const wss = new WebSocketServer({ noServer: true, maxPayload: resolved.maxMessageBytes * 2, perMessageDeflate: false });
  const sessions = new Set<TransportSession>();

  return {
    kind: "pipecat-ws",
    handleUpgrade(request, socket, head) {
      wss.handleUpgrade(request, socket, head, (ws) => {
        const session = createPipecatSession(ws, { id: randomUUID(), token: tokenFromUrl(request.url) }, resolved);
        sessions.add(session);
        ws.once("close", () => sessions.delete(session));
        resolved.logger.debug("pipecat session opened", { sessionId: session.id });
        startSession(session, handler, (cause) => resolved.logger.warn("session handler failed", { sessionId: session.id, cause }));
      });
    },
    sessions,
    async close() {
      for (const session of sessions) session.close("server shutting down");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

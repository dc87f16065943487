import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { tokenFromUrl } from "./http/token-from-url";
import type { ResolvedPipecatOptions } from "./pipecat/pipecat-options";
import type { SessionHandler, Transport, TransportKind, TransportSession } from "./session";
import { startSession } from "./start-session";

/** A WebSocket transport: mounted on an HTTP server by handing it the upgrade requests of its path. */
export interface UpgradeTransport extends Transport {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
}

/** Turns one accepted WebSocket into a session of the transport's kind. */
export type CreateSocketSession = (ws: WebSocket, init: { id: string; token: string | undefined }, options: ResolvedPipecatOptions) => TransportSession;

/** Accepts WebSocket upgrades, makes each connection a session, hands it to the handler and tracks the open ones. */
export function createUpgradeTransport(kind: TransportKind, createSession: CreateSocketSession, handler: SessionHandler, options: ResolvedPipecatOptions): UpgradeTransport {
  const { logger } = options;
  // The session's own size check (with a protocol error) runs below this hard cap, where ws closes with 1009 unaided.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes * 2, perMessageDeflate: false });
  const sessions = new Set<TransportSession>();

  return {
    kind,
    handleUpgrade(request, socket, head) {
      wss.handleUpgrade(request, socket, head, (ws) => {
        const session = createSession(ws, { id: randomUUID(), token: tokenFromUrl(request.url) }, options);
        sessions.add(session);
        ws.once("close", () => sessions.delete(session));
        logger.debug("session opened", { sessionId: session.id, kind });
        startSession(session, handler, (cause) => logger.warn("session handler failed", { sessionId: session.id, cause }));
      });
    },
    sessions,
    async close() {
      for (const session of sessions) session.close("server shutting down");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

import { randomUUID } from "node:crypto";
import { WebSocketServer } from "ws";
import { resolvePipecatOptions, type PipecatTransportOptions } from "../pipecat/pipecat-options";
import { tokenFromUrl } from "../http/token-from-url";
import type { UpgradeTransport } from "../pipecat/pipecat-transport";
import { startSession } from "../start-session";
import type { SessionHandler, TransportSession } from "../session";
import { createTextSession } from "./text-session";

/** The text channel on `ws`; shares the Pipecat transport's limits (message size, backlog, strikes). */
export function createTextTransport(handler: SessionHandler, options: PipecatTransportOptions = {}): UpgradeTransport {
  const resolved = resolvePipecatOptions(options);
  const wss = new WebSocketServer({ noServer: true, maxPayload: resolved.maxMessageBytes * 2, perMessageDeflate: false });
  const sessions = new Set<TransportSession>();
  return {
    kind: "text-ws",
    handleUpgrade(request, socket, head) {
      wss.handleUpgrade(request, socket, head, (ws) => {
        const session = createTextSession(ws, { id: randomUUID(), token: tokenFromUrl(request.url) }, resolved);
        sessions.add(session);
        ws.once("close", () => sessions.delete(session));
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

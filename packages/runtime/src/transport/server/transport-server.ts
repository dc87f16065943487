import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { transportError } from "../errors";
import { applyCors, type CorsOrigins } from "../http/cors";
import { sendError } from "../http/http-errors";
import { handleStart, type StartEndpointOptions } from "../http/start-endpoint";
import { handleTurn, type TurnHandler } from "../http/turn-endpoint";
import { silentLogger } from "../logger";
import type { PipecatTransportOptions } from "../pipecat/pipecat-options";
import { createPipecatTransport } from "../pipecat/pipecat-transport";
import type { SessionHandler, TransportSession } from "../session";
import { createTextTransport } from "../text/text-transport";
import type { UpgradeTransport } from "../upgrade-transport";

export interface TransportServerOptions extends PipecatTransportOptions {
  /** Called once per WebSocket session (voice or text): the pipeline's seam. */
  readonly onSession: SessionHandler;
  /** Handles POST /turn; without it the route answers 404. */
  readonly onTurn?: TurnHandler;
  readonly paths?: { readonly ws?: string; readonly text?: string; readonly start?: string; readonly turn?: string };
  readonly cors?: CorsOrigins;
  readonly start?: StartEndpointOptions;
  /** Largest WAV accepted by POST /turn. Default 10 MiB (~5 min of 16 kHz mono). */
  readonly maxTurnBytes?: number;
}

export interface TransportServer {
  readonly httpServer: Server;
  /** Starts listening (port 0 = any free port); resolves with the bound address. */
  listen(port?: number, host?: string): Promise<{ readonly port: number; readonly url: string }>;
  readonly sessions: () => readonly TransportSession[];
  close(): Promise<void>;
}

const DEFAULT_PATHS = { ws: "/ws", text: "/text", start: "/start", turn: "/turn" } as const;

/** One HTTP server: POST /start, POST /turn, and WebSocket upgrades for the Pipecat and text channels. */
export function createTransportServer(options: TransportServerOptions): TransportServer {
  const paths = { ...DEFAULT_PATHS, ...options.paths };
  const logger = options.logger ?? silentLogger;
  const pipecat = createPipecatTransport(options.onSession, options);
  const text = createTextTransport(options.onSession, options);
  const upgrades = new Map<string, UpgradeTransport>([
    [paths.ws, pipecat],
    [paths.text, text],
  ]);

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (applyCors(request, response, options.cors ?? "*")) return;
    const route = path === paths.start ? "start" : path === paths.turn && options.onTurn ? "turn" : undefined;
    if (!route) return sendError(response, transportError("transport/not-found", `no route ${path}; POST ${paths.start} or ${paths.turn}, or open a WebSocket on ${paths.ws}`));
    if (request.method !== "POST") return sendError(response, transportError("transport/method-not-allowed", `${path} takes POST`));
    const work = route === "start" ? handleStart(request, response, paths.ws, options.start ?? {}) : handleTurn(request, response, options.onTurn!, options.maxTurnBytes ?? 10 * 1024 * 1024);
    work.catch((cause: unknown) => {
      logger.warn("request failed", { path, cause });
      if (!response.headersSent) sendError(response, transportError("transport/handler-failed", "internal error"));
      else response.destroy();
    });
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const transport = upgrades.get(path);
    if (!transport) {
      socket.end("HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
      return;
    }
    transport.handleUpgrade(request, socket, head);
  };

  const httpServer = createServer(onRequest);
  httpServer.on("upgrade", onUpgrade);

  return {
    httpServer,
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          const address = httpServer.address() as AddressInfo;
          resolve({ port: address.port, url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}` });
        });
      });
    },
    sessions: () => [...pipecat.sessions, ...text.sessions],
    async close() {
      await Promise.all([pipecat.close(), text.close()]);
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections(); // keep-alive sockets would hold close() for seconds
      await closed;
    },
  };
}

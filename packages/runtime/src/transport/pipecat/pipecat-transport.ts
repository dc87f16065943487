import type { SessionHandler } from "../session";
import { createUpgradeTransport, type UpgradeTransport } from "../upgrade-transport";
import { resolvePipecatOptions, type PipecatTransportOptions } from "./pipecat-options";
import { createPipecatSession } from "./pipecat-session";

/** The Pipecat WebSocket protocol on `ws`: what @pipecat-ai/websocket-transport connects to. */
export function createPipecatTransport(handler: SessionHandler, options: PipecatTransportOptions = {}): UpgradeTransport {
  return createUpgradeTransport("pipecat-ws", createPipecatSession, handler, resolvePipecatOptions(options));
}

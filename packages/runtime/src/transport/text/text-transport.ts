import { resolvePipecatOptions, type PipecatTransportOptions } from "../pipecat/pipecat-options";
import type { SessionHandler } from "../session";
import { createUpgradeTransport, type UpgradeTransport } from "../upgrade-transport";
import { createTextSession } from "./text-session";

/** The text channel on `ws`; shares the Pipecat transport's limits (message size, backlog, strikes). */
export function createTextTransport(handler: SessionHandler, options: PipecatTransportOptions = {}): UpgradeTransport {
  return createUpgradeTransport("text-ws", createTextSession, handler, resolvePipecatOptions(options));
}

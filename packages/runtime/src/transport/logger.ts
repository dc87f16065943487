/** The transport's log sink; silent unless the caller passes one (the runtime wires its own). */
export interface TransportLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: TransportLogger = { debug() {}, warn() {} };

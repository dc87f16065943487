import type { SessionHandler, TransportSession } from "./session";

/** Runs the handler for a new session; a failing handler closes that session, never the server. */
export function startSession(session: TransportSession, handler: SessionHandler, onError: (cause: unknown) => void) {
  const fail = (cause: unknown) => {
    onError(cause);
    session.close("session handler failed");
  };
  try {
    void Promise.resolve(handler(session)).catch(fail);
  } catch (cause) {
    fail(cause);
  }
}

import type { TransportEvent } from "./session";

/** Events held for a handler that has not subscribed yet: ~16 s of client-js mic frames. */
const MAX_HELD = 1000;

/**
 * Fans events out to listeners, holding them until the first listener subscribes so that a
 * handler may do async set-up (load a snapshot by token) without losing early audio. A handler
 * that never subscribes costs at most MAX_HELD events (oldest dropped).
 */
export function createEventHub(onListenerError: (cause: unknown) => void, onOverflow: () => void = () => {}) {
  const listeners = new Set<(event: TransportEvent) => void>();
  let held: TransportEvent[] | undefined = [];
  let overflowed = false;

  const deliver = (event: TransportEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (cause) {
        onListenerError(cause);
      }
    }
  };

  return {
    emit(event: TransportEvent) {
      if (!held) return deliver(event);
      held.push(event);
      if (held.length > MAX_HELD) {
        held.shift();
        if (!overflowed) onOverflow();
        overflowed = true;
      }
    },
    on(listener: (event: TransportEvent) => void): () => void {
      listeners.add(listener);
      if (held) {
        const backlog = held;
        held = undefined;
        for (const event of backlog) deliver(event);
      }
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The engine's virtual clock yields with `setImmediate` (a Node API). Browsers lack it, so the
 * builder supplies one on a MessageChannel: it runs after pending promise jobs and before
 * timers, like Node's. Remove once the engine yields portably.
 */
type Immediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => unknown;

export function installSetImmediate(target: { setImmediate?: Immediate } = globalThis as { setImmediate?: Immediate }): void {
  if (typeof target.setImmediate === "function") return;
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const job = queue.shift();
    job?.();
  };
  target.setImmediate = (callback, ...args) => {
    queue.push(() => callback(...args));
    channel.port2.postMessage(null);
    return queue.length;
  };
}

installSetImmediate();

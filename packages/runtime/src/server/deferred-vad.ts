import type { VadPort } from "../vad";

/**
 * A VAD that is still loading (Silero's model is loaded asynchronously) as a VadPort the voice
 * agent can take at once: calls wait for it and then run in the order they were made.
 */
export function createDeferredVad(name: string, load: () => Promise<VadPort>): VadPort {
  let vad: VadPort | undefined;
  const ready = load().then((loaded) => (vad = loaded));
  ready.catch(() => undefined); // reported by the first process() call
  return {
    name,
    async process(frame) {
      return (vad ?? (await ready)).process(frame);
    },
    reset() {
      if (vad) vad.reset();
      else void ready.then((loaded) => loaded.reset(), () => undefined);
    },
    async close() {
      const loaded = await ready.catch(() => undefined);
      await loaded?.close();
    },
  };
}

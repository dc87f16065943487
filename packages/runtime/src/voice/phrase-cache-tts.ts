import type { CompiledFlow } from "@voxchart/flow";
import type { TtsPort } from "../tts/tts-port";

/** Backchannels the engine speaks under a long user turn (engine's create-session). */
const BACKCHANNELS = ["mm-hmm", "okay", "right"];

/** The short, fixed phrases a flow may speak at any moment: its fillers and the backchannels. */
export function cacheablePhrases(compiled: CompiledFlow): string[] {
  const phrases = new Set<string>([...compiled.flow.settings.fillers, ...BACKCHANNELS]);
  for (const node of compiled.nodes.values()) for (const filler of node.settings.fillers) phrases.add(filler);
  return [...phrases];
}

const PHRASE_CACHE = Symbol("voxchart.phraseCache");

/** Whether a TTS port already caches phrases (then it is not wrapped again). */
export function isPhraseCacheTts(tts: TtsPort): tts is PhraseCacheTts {
  return PHRASE_CACHE in tts;
}

export interface PhraseCacheTts extends TtsPort {
  readonly [PHRASE_CACHE]: true;
  /** Synthesises every phrase not cached yet, one at a time; failures leave that phrase uncached. */
  warm(): Promise<void>;
  readonly cached: number;
  readonly hits: number;
}

/**
 * A TTS port that keeps the audio of a few known phrases (fillers, backchannels), so latency
 * hiding costs no synthesis time: a filler exists to cover a slow model, and waiting on TTS for it
 * would spend half its budget. Other text goes to the wrapped port unchanged.
 */
export function createPhraseCacheTts(tts: TtsPort, phrases: readonly string[]): PhraseCacheTts {
  const wanted = new Set(phrases.map((p) => p.trim()));
  const cache = new Map<string, Int16Array[]>();
  let hits = 0;

  async function fill(text: string): Promise<void> {
    const chunks: Int16Array[] = [];
    const controller = new AbortController();
    for await (const chunk of tts.synthesize(text, controller.signal)) chunks.push(chunk);
    if (chunks.length > 0) cache.set(text, chunks);
  }

  return {
    [PHRASE_CACHE]: true,
    name: `${tts.name}+cache`,
    sampleRate: 24000,
    async *synthesize(text, signal) {
      const key = text.trim();
      const cached = cache.get(key);
      if (cached) {
        hits++;
        for (const chunk of cached) {
          if (signal?.aborted) return;
          yield chunk;
        }
        return;
      }
      if (!wanted.has(key)) {
        yield* tts.synthesize(text, signal);
        return;
      }
      // A wanted phrase heard before the cache was warm: speak it and keep it.
      const chunks: Int16Array[] = [];
      for await (const chunk of tts.synthesize(text, signal)) {
        chunks.push(chunk);
        yield chunk;
      }
      if (!signal?.aborted && chunks.length > 0) cache.set(key, chunks);
    },
    async warm() {
      for (const phrase of wanted) {
        if (cache.has(phrase)) continue;
        await fill(phrase).catch(() => undefined);
      }
    },
    get cached() {
      return cache.size;
    },
    get hits() {
      return hits;
    },
  };
}

import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { RuntimeError } from "../pipeline/errors";
import { INPUT_SAMPLE_RATE } from "../audio/duration";
import { concatInt16 } from "../audio/pcm";
import { loadDictionaryWords } from "./cmudict";
import { buildJsgfGrammar, type GrammarBuild } from "./jsgf-grammar";
import { spawnPocketsphinx } from "./pocketsphinx-process";
import type { SttHints, SttPort, SttStream, SttStreamOptions, Transcript } from "./stt-port";

/**
 * Offline STT with Debian's pocketsphinx 0.8. With expected phrases it listens through a JSGF
 * grammar built from them (fast and accurate on in-grammar speech, but it forces anything else
 * onto the nearest phrase); without, through the generic en-us language model (slow, rough).
 * pocketsphinx 0.8 prints nothing before an utterance ends, so partial transcripts come from
 * re-recognising the growing utterance every `partialIntervalMs` (at most one run at a time).
 */
export const PocketsphinxSchema = z.object({
  binary: z.string().default("pocketsphinx_continuous"),
  modelDir: z.string().default("/usr/share/pocketsphinx/model/en-us"),
  /** 0 turns partial transcripts off. */
  partialIntervalMs: z.number().min(0).default(1000),
  /** pocketsphinx's own silence split (frames of 10 ms); long, since our VAD endpoints. */
  vadPostspeechFrames: z.number().int().positive().default(100),
  extraArgs: z.array(z.string()).default([]),
});
export type PocketsphinxOptions = z.input<typeof PocketsphinxSchema>;

/** Grammar files live in one folder per process, named by content, written once each. */
let grammarDir: string | undefined;

export interface PocketsphinxStt extends SttPort {
  /** The grammar the hints give (to show authors which phrases were left out and why). */
  grammarFor(hints: SttHints | undefined): Promise<GrammarBuild>;
}

export function createPocketsphinxStt(options: PocketsphinxOptions = {}): PocketsphinxStt {
  const o = PocketsphinxSchema.parse(options);
  const dictPath = join(o.modelDir, "cmudict-en-us.dict");

  async function grammarFor(hints: SttHints | undefined): Promise<GrammarBuild> {
    const phrases = hints?.phrases ?? [];
    if (phrases.length === 0) return { jsgf: undefined, accepted: [], rejected: [] };
    if (!existsSync(dictPath)) {
      throw new RuntimeError("stt.unavailable", `No pocketsphinx dictionary at ${dictPath}: apt-get install -y pocketsphinx-en-us`);
    }
    return buildJsgfGrammar(phrases, await loadDictionaryWords(dictPath));
  }

  /** Arguments for a run; grammar files are written once per distinct grammar. */
  async function argsFor(hints: SttHints | undefined): Promise<{ args: string[]; mode: string }> {
    const base = [
      "-infile", "/dev/stdin",
      "-logfn", "/dev/null",
      "-hmm", join(o.modelDir, "en-us"),
      "-dict", dictPath,
      "-samprate", String(INPUT_SAMPLE_RATE),
      "-vad_postspeech", String(o.vadPostspeechFrames),
      // Without dither, leading silence skews the features enough that espeak-ng's "talk to a
      // person" came out as "two"; a fixed seed keeps results repeatable.
      "-dither", "yes",
      "-seed", "1",
    ];
    const grammar = await grammarFor(hints);
    if (grammar.jsgf === undefined) return { args: [...base, "-lm", join(o.modelDir, "en-us.lm.bin"), ...o.extraArgs], mode: "lm" };
    grammarDir ??= mkdtempSync(join(tmpdir(), "voxchart-jsgf-"));
    const file = join(grammarDir, `${createHash("sha1").update(grammar.jsgf).digest("hex")}.gram`);
    if (!existsSync(file)) writeFileSync(file, grammar.jsgf);
    return { args: [...base, "-jsgf", file, ...o.extraArgs], mode: "grammar" };
  }

  async function transcribe(pcm16k: Int16Array, request: { hints?: SttHints; signal?: AbortSignal } = {}): Promise<Transcript> {
    const { args, mode } = await argsFor(request.hints);
    const started = performance.now();
    const proc = spawnPocketsphinx(o.binary, args, request.signal);
    proc.write(pcm16k);
    const text = await proc.finish();
    return { text, mode, processingMs: performance.now() - started };
  }

  function stream(request: SttStreamOptions = {}): SttStream {
    const controller = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, controller.signal]) : controller.signal;
    const chunks: Int16Array[] = [];
    let samples = 0;
    let lastPartialAt = 0;
    let partialRunning = false;
    let finished = false;
    // Spawn now: the model loads while the user is still speaking.
    const ready = argsFor(request.hints).then(({ args, mode }) => ({ proc: spawnPocketsphinx(o.binary, args, signal), mode }));
    ready.catch(() => undefined);
    const pending: Int16Array[] = [];
    let started: { proc: ReturnType<typeof spawnPocketsphinx>; mode: string } | undefined;
    void ready.then(
      (r) => {
        for (const p of pending.splice(0)) r.proc.write(p);
        started = r;
      },
      () => undefined,
    );

    function maybePartial(): void {
      if (!request.onPartial || o.partialIntervalMs === 0 || partialRunning || finished) return;
      const audioMs = (samples * 1000) / INPUT_SAMPLE_RATE;
      if (audioMs - lastPartialAt < o.partialIntervalMs) return;
      lastPartialAt = audioMs;
      partialRunning = true;
      const onPartial = request.onPartial;
      transcribe(concatInt16(chunks), { hints: request.hints, signal })
        .then((t) => {
          if (!finished && t.text) onPartial({ text: t.text, stable: false });
        })
        .catch(() => undefined) // a failed partial is not worth a turn: the final still comes
        .finally(() => (partialRunning = false));
    }

    return {
      push(pcm) {
        if (finished) return;
        const copy = pcm.slice();
        chunks.push(copy);
        samples += copy.length;
        if (started) started.proc.write(copy);
        else pending.push(copy);
        maybePartial();
      },
      async finish() {
        finished = true;
        const { proc, mode } = await ready;
        const t0 = performance.now();
        const text = await proc.finish();
        return { text, mode, processingMs: performance.now() - t0 };
      },
      cancel() {
        finished = true;
        controller.abort();
      },
    };
  }

  return { name: "pocketsphinx", transcribe, stream, grammarFor };
}

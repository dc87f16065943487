import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { z } from "zod";
import type * as OrtTypes from "onnxruntime-node";
import { INPUT_SAMPLE_RATE, samplesToMs } from "../audio/duration";
import { RuntimeError } from "../pipeline/errors";
import { createEndpointer } from "./endpointer";
import { EndpointingSchema, type VadEvent, type VadPort, type VadResult } from "./vad-port";

/**
 * Silero VAD v5 on onnxruntime-node, with the model shipped in `@ricky0123/vad-web`.
 * The model scores 512-sample (32 ms) windows, each preceded by the last 64 samples of the
 * previous window as context (as silero-vad's own wrapper and vad-web do), and carries a
 * recurrent state. One InferenceSession per model file is shared by every detector; each
 * detector keeps its own state. About 0.25 ms per window on one core.
 */
export const SileroVadSchema = EndpointingSchema.extend({
  /** Path of the .onnx file; defaults to @ricky0123/vad-web's dist/silero_vad_v5.onnx. */
  modelPath: z.string().optional(),
});
export type SileroVadOptions = z.input<typeof SileroVadSchema>;

const WINDOW = 512;
const CONTEXT = 64;
const WINDOW_MS = samplesToMs(WINDOW, INPUT_SAMPLE_RATE);

type Ort = typeof OrtTypes;
let ortModule: Promise<Ort> | undefined;
const sessions = new Map<string, Promise<OrtTypes.InferenceSession>>();

function loadOrt(): Promise<Ort> {
  ortModule ??= import("onnxruntime-node").then((m) => ((m as { default?: Ort }).default ?? m) as Ort);
  return ortModule;
}

export function defaultSileroModelPath(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve("@ricky0123/vad-web/dist/silero_vad_v5.onnx");
  } catch (cause) {
    throw new RuntimeError(
      "vad.model_unavailable",
      "Silero model not found: install @ricky0123/vad-web (it ships dist/silero_vad_v5.onnx) or pass modelPath",
      { cause },
    );
  }
}

async function loadSession(path: string): Promise<OrtTypes.InferenceSession> {
  let session = sessions.get(path);
  if (!session) {
    if (!existsSync(path)) {
      throw new RuntimeError("vad.model_unavailable", `Silero model file ${path} does not exist`);
    }
    session = loadOrt().then((ort) =>
      ort.InferenceSession.create(path, {
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        executionMode: "sequential",
        graphOptimizationLevel: "all",
      }),
    );
    session.catch(() => sessions.delete(path));
    sessions.set(path, session);
  }
  try {
    return await session;
  } catch (cause) {
    throw new RuntimeError("vad.model_unavailable", `Could not load the Silero model ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/** Loads the model (once per process) and returns a detector with its own state. */
export async function createSileroVad(options: SileroVadOptions = {}): Promise<VadPort> {
  const o = SileroVadSchema.parse(options);
  const ort = await loadOrt();
  const session = await loadSession(o.modelPath ?? defaultSileroModelPath());
  const endpointer = createEndpointer(o);
  const sr = new ort.Tensor("int64", BigInt64Array.from([BigInt(INPUT_SAMPLE_RATE)]), []);
  const input = new Float32Array(CONTEXT + WINDOW); // [context | window]
  let filled = 0; // samples of the current window in input[CONTEXT..]
  let state = zeroState();
  let windows = 0;
  let probability = 0;
  let chain: Promise<unknown> = Promise.resolve();

  function zeroState(): OrtTypes.Tensor {
    return new ort.Tensor("float32", new Float32Array(2 * 128), [2, 1, 128]);
  }

  async function runWindow(): Promise<VadEvent | undefined> {
    const tensor = new ort.Tensor("float32", input.slice(), [1, CONTEXT + WINDOW]);
    let out: OrtTypes.InferenceSession.OnnxValueMapType;
    try {
      out = await session.run({ input: tensor, state, sr });
    } catch (cause) {
      throw new RuntimeError("vad.failed", `Silero inference failed: ${(cause as Error).message}`, { cause, retryable: true });
    }
    const next = out["stateN"] as OrtTypes.Tensor | undefined;
    const scores = out["output"] as OrtTypes.Tensor | undefined;
    if (!next || !scores) throw new RuntimeError("vad.failed", "Silero model returned no output/stateN: wrong model file?");
    state = next;
    probability = (scores.data as Float32Array)[0] ?? 0;
    input.copyWithin(0, WINDOW, WINDOW + CONTEXT); // the window's last 64 samples become context
    const startMs = windows * WINDOW_MS;
    windows++;
    return endpointer.update(probability, startMs, WINDOW_MS);
  }

  async function processNow(frame: Int16Array): Promise<VadResult> {
    const events: VadEvent[] = [];
    let offset = 0;
    while (offset < frame.length) {
      const take = Math.min(WINDOW - filled, frame.length - offset);
      for (let i = 0; i < take; i++) input[CONTEXT + filled + i] = (frame[offset + i] as number) / 32768;
      filled += take;
      offset += take;
      if (filled === WINDOW) {
        filled = 0;
        const event = await runWindow();
        if (event) events.push(event);
      }
    }
    return { probability, speaking: endpointer.speaking, events };
  }

  return {
    name: "silero",
    process(frame) {
      // Serialise calls: the recurrent state must see windows in order.
      const result = chain.then(() => processNow(frame));
      chain = result.catch(() => undefined);
      return result;
    },
    reset() {
      endpointer.reset();
      input.fill(0);
      filled = 0;
      state = zeroState();
      windows = 0;
      probability = 0;
    },
    close: () => Promise.resolve(), // the shared session lives for the process
  };
}

import { createRealClock, createSession } from "@voxchart/engine";
import type { SessionOutput } from "@voxchart/engine";
import type { CompiledFlow } from "@voxchart/flow";
import { concatInt16, resample } from "../audio";
import type { TurnHandler } from "../transport";
import type { VoiceProviders } from "./create-voice-agent";
import { sttPhrasesFor } from "./stt-hints";

/** Without a `store`, every request is a new session. */
export interface TurnHandlerOptions extends VoiceProviders {
  /** The flow of new sessions (read on every request, so a deploy takes effect). */
  compiled: () => CompiledFlow;
}

/**
 * Tier 1 over HTTP (POST /turn): one whole utterance in, the whole answer out. The session is
 * restored from its snapshot, takes the turn, and is saved again — the sequential pipeline of the
 * seed article: transcribe, then understand and answer, then synthesise.
 */
export function createTurnHandler(options: TurnHandlerOptions): TurnHandler {
  return async (request) => {
    const restore = request.token && options.store ? await options.store.load(request.token) : null;
    const compiled = options.compiled();
    if (restore && restore.flowId !== compiled.flow.id) throw new Error(`session token belongs to flow "${restore.flowId}", not "${compiled.flow.id}"`);
    const session = createSession(compiled, {
      clock: createRealClock(),
      fillers: false,
      ...(restore ? { restore } : {}),
      ...(request.token ? { sessionId: request.token } : {}),
      ...(options.understanding ? { understanding: options.understanding } : {}),
      ...(options.generation ? { generation: options.generation } : {}),
      ...(options.tools ? { tools: options.tools } : {}),
    });
    const said: string[] = [];
    let turnId: string | null = null;
    session.on((o: SessionOutput) => {
      if (o.type === "speech.chunk") said.push(o.text);
      if (o.type === "turn.metrics") turnId = o.metrics.turnId;
    });
    try {
      session.start();
      await session.whenIdle();
      const mono = request.channels === 1 ? request.pcm : downmix(request.pcm, request.channels);
      const pcm16k = request.sampleRate === 16000 ? mono : (await resample({ samples: mono, sampleRate: request.sampleRate }, 16000)).samples;
      const node = session.state().nodeId ? compiled.node(session.state().nodeId) : null;
      const transcript = (await options.stt.transcribe(pcm16k, node ? { hints: { phrases: sttPhrasesFor(node) } } : {})).text;
      // The greeting of a new session comes first in the answer, as a caller would hear it.
      session.send({ type: "user.final", text: transcript });
      await session.whenIdle();
      const reply = said.join(" ").replace(/\s+/g, " ").trim();
      const chunks: Int16Array[] = [];
      if (reply) for await (const chunk of options.tts.synthesize(reply)) chunks.push(chunk);
      if (request.token && options.store) {
        await options.store.save(request.token, session.snapshot(), {
          userText: transcript,
          botText: reply,
          nodeId: session.state().nodeId,
          metrics: { turnId: turnId ?? "", nodeId: session.state().nodeId, filler: null, overBudget: [], rtvi: {} },
        });
      }
      return { transcript, reply, audio: concatInt16(chunks), audioSampleRate: options.tts.sampleRate };
    } finally {
      session.stop();
    }
  };
}

function downmix(pcm: Int16Array, channels: number): Int16Array {
  const out = new Int16Array(Math.floor(pcm.length / channels));
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += pcm[i * channels + c] ?? 0;
    out[i] = Math.round(sum / channels);
  }
  return out;
}

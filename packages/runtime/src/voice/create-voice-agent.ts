import { createRealClock, createSession } from "@voxchart/engine";
import type { GenerationPort, Session, SessionOutput, SessionSnapshot, ToolRegistry, TurnMetrics, UnderstandingPort } from "@voxchart/engine";
import type { CompiledFlow } from "@voxchart/flow";
import { createPipeline } from "../pipeline/pipeline";
import { createProcessor } from "../pipeline/processor";
import type { Frame } from "../pipeline/frames";
import type { VadPort } from "../vad/vad-port";
import { createVadStage } from "../vad/vad-stage";
import type { SttPort } from "../stt/stt-port";
import { createSttStage } from "../stt/stt-stage";
import type { TtsPort } from "../tts/tts-port";
import { createTtsStage } from "../tts/tts-stage";
import { createPhraseAggregatorStage } from "../tts/phrase-aggregator-stage";
import { resample } from "../audio";
import type { PlaybackReport, SessionHandler, TransportSession } from "../transport";
import { rtvi } from "../transport";
import type { Tier } from "./tiers";
import { TIER_SETTINGS } from "./tiers";
import { createEngineStage } from "./engine-stage";
import { createOutputStage } from "./output-stage";
import { createInputGateStage } from "./input-gate-stage";
import { createEchoSuppressor, type EchoPath } from "./echo-suppressor";
import { createBatchSttStage } from "./batch-stt-stage";
import { cacheablePhrases, createPhraseCacheTts, isPhraseCacheTts } from "./phrase-cache-tts";
import type { VoiceTurnMetrics } from "./voice-metrics";
import { createTurnTimer } from "./voice-metrics";

/** Where voice sessions persist, so a reconnect (to any process) resumes them. */
export interface SessionStore {
  load(token: string): Promise<SessionSnapshot | null>;
  /** Called after every turn with the session's snapshot and the turn's timings. */
  save(token: string, snapshot: SessionSnapshot, turn: { userText: string | null; botText: string; nodeId: string; metrics: VoiceTurnMetrics } | null): Promise<void>;
  end(token: string, status: "ended" | "transferred" | "expired"): Promise<void>;
}

/** The speech providers, the model ports and the session store a voice session runs on. */
export interface VoiceProviders {
  stt: SttPort;
  tts: TtsPort;
  understanding?: UnderstandingPort;
  generation?: GenerationPort;
  tools?: ToolRegistry;
  /** Where a token's session is kept; without it sessions are not saved. */
  store?: SessionStore;
}

export interface VoiceAgentOptions extends VoiceProviders {
  compiled: CompiledFlow;
  tier: Tier;
  /** A fresh VAD per session (VADs keep state). */
  vad: () => VadPort;
  /** Sessions end after this long (ms); a reconnect with the token within it resumes. */
  maxSessionMs?: number;
  now?: () => number;
  /**
   * Keep synthesised audio of the flow's fillers and the backchannels, warmed when the agent is
   * created, so latency hiding starts without TTS latency. Default true; a `tts` that already
   * caches (createPhraseCacheTts, e.g. shared per flow by a server) is used as it is.
   */
  cachePhrases?: boolean;
  /** Observes each session (tests, the server's registry). */
  onSession?: (live: LiveVoiceSession) => void;
}

export interface LiveVoiceSession {
  readonly transport: TransportSession;
  readonly session: Session;
  readonly tier: Tier;
  /** Turn timings as they complete. */
  readonly turns: VoiceTurnMetrics[];
  /** Microphone frames taken for the bot's own echo (tier 4). */
  readonly echoFrames: number;
  /** The echo path the suppressor learnt (tier 4), once it has. */
  readonly echoPath: EchoPath | null;
  /** How many inputs of each type the pipeline gave the session (e.g. `user.partial`). */
  readonly inputs: Readonly<Record<string, number>>;
}

/**
 * Binds a flow to voice: for each transport session, a pipeline transport → (echo gate) → VAD →
 * STT → engine → phrase aggregation → TTS → transport, set up for the chosen tier.
 */
export function createVoiceAgent(options: VoiceAgentOptions): SessionHandler {
  const tier = TIER_SETTINGS[options.tier];
  const now = options.now ?? Date.now;
  const phraseCache =
    options.cachePhrases === false || isPhraseCacheTts(options.tts) ? null : createPhraseCacheTts(options.tts, cacheablePhrases(options.compiled));
  void phraseCache?.warm();
  const tts = phraseCache ?? options.tts;

  return async (transport) => {
    const token = transport.token;
    const restore = token && options.store ? await options.store.load(token) : null;
    if (restore && restore.flowId !== options.compiled.flow.id) {
      transport.sendRtvi(rtvi.error(`session token belongs to flow "${restore.flowId}", not "${options.compiled.flow.id}"`, true));
      transport.close("wrong flow");
      return;
    }
    const session = createSession(options.compiled, {
      clock: createRealClock(),
      playback: "reported",
      fillers: tier.fillers,
      ...(restore ? { restore } : {}),
      ...(token ? { sessionId: token } : {}),
      ...(options.understanding ? { understanding: options.understanding } : {}),
      ...(options.generation ? { generation: options.generation } : {}),
      ...(options.tools ? { tools: options.tools } : {}),
    });
    const echo = tier.echoSuppression ? createEchoSuppressor() : null;
    let echoFrames = 0;
    const timer = createTurnTimer(now);
    const turns: VoiceTurnMetrics[] = [];
    const output = createOutputStage({
      transport,
      session,
      now,
      ...(echo
        ? {
            onAudioSent: (pcm: Int16Array, at: number) => echo.addReference(pcm, at),
            onAudioStopped: (report: PlaybackReport, at: number) => echo.stopped(at, report.sentMs - report.playedMs),
          }
        : {}),
      onFirstAudio: (turnId, at) => timer.firstAudioSent(turnId, at),
      onMetric: (name, value) => timer.metric(name, value),
      onTurnPlayed: (turnId) => {
        if (turnId.endsWith("-filler")) return; // the answer after it is what completes the turn
        played.add(turnId);
        const metrics = deferred.get(turnId);
        if (metrics) {
          deferred.delete(turnId);
          completeTurn(metrics);
        }
      },
    });
    const inputs: Record<string, number> = {};
    const engineStage = createEngineStage({
      session,
      tier,
      botSpeaking: () => output.botSpeaking,
      onInput: (input) => {
        inputs[input.type] = (inputs[input.type] ?? 0) + 1;
      },
    });
    const vad = options.vad();
    const pipeline = createPipeline(
      [
        createInputGateStage({ echo, onEchoFrame: () => echoFrames++ }),
        createVadStage({ vad }),
        tier.batchStt ? createBatchSttStage({ stt: options.stt, now }) : createSttStage({ stt: options.stt, now }),
        observe((frame) => onInputFrame(frame)),
        engineStage,
        createPhraseAggregatorStage(),
        createTtsStage({ tts, now }),
        output,
      ],
      {
        name: `voice-${transport.id}`,
        onUpstream: (frame) => {
          if (frame.type === "error") transport.sendRtvi(rtvi.error(frame.error.message, frame.fatal));
          if (frame.type === "metrics") timer.metric(frame.name, frame.value);
        },
        onDownstream: () => undefined,
      },
    );

    function onInputFrame(frame: Frame) {
      switch (frame.type) {
        case "user.started":
          transport.sendRtvi(rtvi.userStartedSpeaking());
          return;
        case "user.stopped":
          timer.speechEnded(frame.at, now());
          transport.sendRtvi(rtvi.userStoppedSpeaking());
          return;
        case "transcript.partial":
          transport.sendRtvi(rtvi.userTranscription({ text: frame.text, final: false }));
          return;
        case "transcript.final":
          timer.finalTranscript(frame.at);
          transport.sendRtvi(rtvi.userTranscription({ text: frame.text, final: true }));
          return;
        case "metrics":
          timer.metric(frame.name, frame.value);
          return;
        default:
          return;
      }
    }

    /** Turns that produced speech, turns whose audio has played, and metrics waiting for that. */
    const spoken = new Set<string>();
    const played = new Set<string>();
    const deferred = new Map<string, TurnMetrics>();

    function completeTurn(engineMetrics: TurnMetrics) {
      const metrics = timer.complete(engineMetrics);
      turns.push(metrics);
      spoken.delete(engineMetrics.turnId);
      played.delete(engineMetrics.turnId);
      transport.sendRtvi(rtvi.metrics(metrics.rtvi));
      transport.sendRtvi(rtvi.serverMessage({ type: "turn-metrics", metrics }));
      // The engine's transcript ties the user's words and the answer to the turn id.
      const entries = session.transcript().filter((t) => t.turnId === engineMetrics.turnId);
      const botText = entries.filter((t) => t.role === "assistant").map((t) => t.text).join(" ");
      const userText = entries.find((t) => t.role === "user")?.text ?? null;
      if (token && options.store) {
        void options.store
          .save(token, session.snapshot(), { userText, botText, nodeId: engineMetrics.nodeId, metrics })
          .catch((error: unknown) => transport.sendRtvi(rtvi.error(`could not save the session: ${String(error)}`, false)));
      }
    }

    let closing = false;
    let warnedChannels = false;
    const stop = session.on((o: SessionOutput) => {
      switch (o.type) {
        case "state.changed":
          transport.sendRtvi(rtvi.serverMessage({ type: "node", nodeId: o.nodeId, previousNodeId: o.previousNodeId, variables: o.variables }));
          return;
        case "turn.metrics": {
          // A turn that speaks reports once its audio has played (so the timings include the
          // first audio sent, and the client sees metrics after bot-stopped-speaking).
          if (spoken.has(o.metrics.turnId) && !played.has(o.metrics.turnId)) deferred.set(o.metrics.turnId, o.metrics);
          else completeTurn(o.metrics);
          return;
        }
        case "transfer":
          finish("transferred", { type: "transfer", target: o.target, handoff: o.handoff ?? null });
          return;
        case "end":
          finish("ended", { type: "end", outcome: o.outcome ?? null });
          return;
        case "error":
          transport.sendRtvi(rtvi.error(o.message, !o.recoverable));
          return;
        default:
          return;
      }
    });
    session.on((o) => {
      if (o.type === "speech.start") {
        spoken.add(o.turnId);
        timer.speechStarted(o.turnId, o.at);
      }
    });

    /**
     * Lets the last words play, then says why the call ends (so a client shows "transferred"
     * after "Connecting you to the front desk.", as the caller heard it) and hangs up.
     */
    function finish(status: "ended" | "transferred" | "expired", message?: Record<string, unknown>) {
      if (closing) return;
      closing = true;
      void session.whenIdle().then(async () => {
        await pipeline.idle();
        await output.whenQuiet();
        if (message) transport.sendRtvi(rtvi.serverMessage(message));
        setTimeout(() => {
          if (token && options.store) void options.store.end(token, status).catch(() => undefined);
          transport.close(status);
        }, 300);
      });
    }

    const limit = options.maxSessionMs
      ? setTimeout(() => {
          transport.sendRtvi(rtvi.serverMessage({ type: "session-limit", maxSessionMs: options.maxSessionMs }));
          finish("expired");
        }, options.maxSessionMs)
      : null;

    transport.on((event) => {
      switch (event.type) {
        case "ready":
          transport.sendRtvi(rtvi.serverMessage({ type: "session", token: token ?? null, resumed: restore !== null, tier: tier.tier, flowId: options.compiled.flow.id }));
          session.start();
          return;
        case "audio": {
          const at = now();
          if (event.numChannels !== 1) {
            if (!warnedChannels) transport.sendRtvi(rtvi.error(`expected mono audio, got ${event.numChannels} channels; audio ignored`, false));
            warnedChannels = true;
          } else if (event.sampleRate === 16000) pipeline.push({ type: "audio.in", pcm: event.pcm, sampleRate: 16000, at });
          else
            void resample({ samples: event.pcm, sampleRate: event.sampleRate }, 16000, "fast").then((pcm) =>
              pipeline.push({ type: "audio.in", pcm: pcm.samples, sampleRate: 16000, at }),
            );
          return;
        }
        case "text":
          session.send({ type: "user.text", text: event.text });
          return;
        case "client-message":
          if (event.id) transport.sendRtvi(rtvi.serverResponse(event.id, event.t, { nodeId: session.state().nodeId, variables: session.state().variables }));
          return;
        case "disconnect":
          if (limit) clearTimeout(limit);
          stop();
          pipeline.push({ type: "cancel", reason: event.reason.code });
          if (token && options.store && !closing) void options.store.save(token, session.snapshot(), null).catch(() => undefined);
          session.stop();
          return;
        default:
          return;
      }
    });
    options.onSession?.({
      transport,
      session,
      tier: tier.tier,
      turns,
      get echoFrames() {
        return echoFrames;
      },
      get echoPath() {
        return echo?.path ?? null;
      },
      inputs,
    });
  };
}

/** A pass-through stage that lets the agent see what flows by (transcripts, speech boundaries). */
function observe(see: (frame: Frame) => void) {
  return createProcessor({
    name: "observe",
    process(frame, direction, ctx) {
      if (direction === "downstream") see(frame);
      ctx.push(frame, direction);
    },
  });
}

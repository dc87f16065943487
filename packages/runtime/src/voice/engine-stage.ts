import type { Session, SessionInput, SessionOutput } from "@voxchart/engine";
import type { Direction, Frame } from "../pipeline/frames";
import type { FrameSink, Processor } from "../pipeline/processor";
import type { TierSettings } from "./tiers";
import { sttPhrasesFor } from "./stt-hints";

export interface EngineStageOptions {
  session: Session;
  tier: TierSettings;
  /** Whether the bot is audible right now (the output stage knows); half-duplex tiers ignore the caller then. */
  botSpeaking: () => boolean;
  /** Sees every input the stage gives the session (for stats and tests). */
  onInput?: (input: SessionInput) => void;
}

/**
 * The engine as a pipeline stage: transcripts and speech boundaries come in from upstream (VAD,
 * STT); the session's speech goes out downstream as turns of text for phrase aggregation and TTS.
 * Speech the session starts on its own (a no-input reprompt, a filler) is pushed when it happens,
 * so this stage keeps its own links instead of answering frame by frame.
 */
export function createEngineStage(options: EngineStageOptions): Processor {
  const { session, tier } = options;
  let downstream: FrameSink = () => undefined;
  let upstream: FrameSink = () => undefined;
  let cancelled = false;
  /** Tiers 1 and 2 speak the whole answer at once: text is gathered per turn until speech.end. */
  const gathered = new Map<string, string>();
  /** The caller spoke while the bot was audible in a half-duplex tier: that utterance is ignored. */
  let ignoringUtterance = false;
  const send = (input: SessionInput) => {
    options.onInput?.(input);
    session.send(input);
  };

  const unsubscribe = session.on((o: SessionOutput) => {
    if (cancelled) return;
    switch (o.type) {
      case "speech.start":
        downstream({ type: "turn.start", turnId: o.turnId });
        return;
      case "speech.chunk":
        if (tier.streamTts) downstream({ type: "text.chunk", text: o.text, turnId: o.turnId });
        else gathered.set(o.turnId, `${gathered.get(o.turnId) ?? ""}${o.text}`); // chunks carry their separators
        return;
      case "speech.end":
        if (o.interrupted) {
          gathered.delete(o.turnId);
          downstream({ type: "interrupt", reason: "barge-in" });
          return;
        }
        if (!tier.streamTts) {
          const text = (gathered.get(o.turnId) ?? "").trim();
          gathered.delete(o.turnId);
          if (text) downstream({ type: "text.chunk", text, turnId: o.turnId });
        }
        downstream({ type: "turn.end", turnId: o.turnId });
        return;
      case "filler":
        if (!tier.fillers) return;
        downstream({ type: "turn.start", turnId: o.turnId });
        downstream({ type: "tts.text", text: o.text, turnId: o.turnId });
        downstream({ type: "turn.end", turnId: o.turnId });
        return;
      case "backchannel":
        if (!tier.backchannels) return;
        {
          // Its own short turn (so the output stage knows when it has played), never cut by barge-in.
          const turnId = `bc-${o.at}`;
          downstream({ type: "turn.start", turnId, uninterruptible: true });
          downstream({ type: "tts.text", text: o.text, turnId, uninterruptible: true });
          downstream({ type: "turn.end", turnId, uninterruptible: true });
        }
        return;
      case "state.changed": {
        // Tell the recogniser what this node expects (a grammar for offline STT).
        upstream({ type: "stt.hints", phrases: sttPhrasesFor(session.compiled.node(o.nodeId)) });
        return;
      }
      default:
        return;
    }
  });

  const processor: Processor = {
    name: "engine",
    push(frame: Frame, direction: Direction = "downstream") {
      if (cancelled) return;
      if (direction === "upstream") {
        upstream(frame);
        return;
      }
      switch (frame.type) {
        case "user.started":
          if (!tier.bargeIn && options.botSpeaking()) {
            ignoringUtterance = true;
            return;
          }
          ignoringUtterance = false;
          send({ type: "user.speechStarted" });
          return;
        case "user.stopped":
          if (!ignoringUtterance) send({ type: "user.speechStopped" });
          return;
        case "transcript.partial":
          if (tier.partials && !ignoringUtterance) send({ type: "user.partial", text: frame.text, stable: frame.stable });
          return;
        case "transcript.final":
          if (ignoringUtterance) {
            ignoringUtterance = false;
            return;
          }
          send({ type: "user.final", text: frame.text });
          return;
        case "audio.in":
          return; // caller audio stops here
        case "cancel":
          cancelled = true;
          unsubscribe();
          downstream(frame);
          return;
        default:
          downstream(frame);
      }
    },
    interrupt() {
      // Interruptions start here (the session decides barge-in); nothing is queued to drop.
    },
    connect(links) {
      if (links.downstream) downstream = links.downstream;
      if (links.upstream) upstream = links.upstream;
    },
    idle: () => session.whenIdle(),
    get cancelled() {
      return cancelled;
    },
    get busy() {
      return !session.isIdle();
    },
  };
  return processor;
}

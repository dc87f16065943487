import type { Session, SessionOutput } from "@voxchart/engine";
import type { Direction, Frame } from "../pipeline/frames";
import type { FrameSink, Processor } from "../pipeline/processor";
import type { TierSettings } from "./tiers";
import { sttPhrasesFor } from "./stt-hints";

export interface EngineStageOptions {
  session: Session;
  tier: TierSettings;
  /** Whether the bot is audible right now (the output stage knows); half-duplex tiers ignore the caller then. */
  botSpeaking: () => boolean;
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

  const unsubscribe = session.on((o: SessionOutput) => {
    if (cancelled) return;
    switch (o.type) {
      case "speech.start":
        downstream({ type: "turn.start", turnId: o.turnId });
        return;
      case "speech.chunk":
        if (tier.streamTts) downstream({ type: "text.chunk", text: o.text, turnId: o.turnId });
        else gathered.set(o.turnId, `${gathered.get(o.turnId) ?? ""}${o.text}${/\s$/.test(o.text) ? "" : " "}`);
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
        downstream({ type: "tts.text", text: o.text, turnId: `bc-${o.at}`, uninterruptible: true });
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
          session.send({ type: "user.speechStarted" });
          return;
        case "user.stopped":
          if (!ignoringUtterance) session.send({ type: "user.speechStopped" });
          return;
        case "transcript.partial":
          if (tier.partials && !ignoringUtterance) session.send({ type: "user.partial", text: frame.text, stable: frame.stable });
          return;
        case "transcript.final":
          if (ignoringUtterance) {
            ignoringUtterance = false;
            return;
          }
          session.send({ type: "user.final", text: frame.text });
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

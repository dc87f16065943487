import type { Session } from "@voxchart/engine";
import type { Direction, Frame } from "../pipeline/frames";
import { createProcessor, type Processor } from "../pipeline/processor";
import type { PlaybackReport, TransportSession } from "../transport";
import { rtvi } from "../transport";

export interface OutputStageOptions {
  transport: TransportSession;
  session: Session;
  now?: () => number;
  /** Bot audio as it is sent (24 kHz), for echo suppression. */
  onAudioSent?: (pcm24k: Int16Array, at: number) => void;
  onFirstAudio?: (turnId: string, at: number) => void;
}

export interface OutputStage extends Processor {
  /** Whether bot audio is playing (by the transport's pacing clock). */
  readonly botSpeaking: boolean;
}

interface TurnPlayback {
  heard: string;
  /** Resolves when the audio sent so far for this turn has played. */
  last: Promise<PlaybackReport | null>;
  phrase: string | null;
  started: boolean;
}

/**
 * The pipeline's last stage: sends bot audio to the transport (paced in real time there), tells
 * the session what was actually played (phrase by phrase) and when a turn finished playing, and
 * sends the RTVI speaking events and bot text to the client. An interruption stops the audio at once.
 */
export function createOutputStage(options: OutputStageOptions): OutputStage {
  const { transport, session } = options;
  const now = options.now ?? Date.now;
  const turns = new Map<string, TurnPlayback>();
  let playing = 0;

  const turn = (turnId: string): TurnPlayback => {
    let t = turns.get(turnId);
    if (!t) {
      t = { heard: "", last: Promise.resolve(null), phrase: null, started: false };
      turns.set(turnId, t);
    }
    return t;
  };

  /** A phrase counts as heard once its last audio has played. */
  function closePhrase(turnId: string, t: TurnPlayback) {
    const phrase = t.phrase;
    t.phrase = null;
    if (!phrase) return;
    void t.last.then((report) => {
      if (report?.interrupted || turns.get(turnId) !== t) return;
      t.heard = `${t.heard} ${phrase}`.trim();
      session.send({ type: "playback.progress", turnId, playedText: t.heard });
    });
  }

  const stage = createProcessor({
    name: "output",
    process(frame: Frame, direction: Direction, ctx) {
      if (direction === "upstream") return ctx.push(frame, direction);
      switch (frame.type) {
        case "tts.text": {
          const id = frame.turnId ?? "untracked";
          const t = turn(id);
          closePhrase(id, t);
          t.phrase = frame.text;
          transport.sendRtvi(rtvi.botOutput({ text: frame.text, aggregatedBy: "sentence", spoken: true, segmentId: id }));
          return;
        }
        case "audio.out": {
          const id = frame.turnId ?? "untracked";
          const t = turn(id);
          const at = now();
          if (!t.started) {
            t.started = true;
            if (playing++ === 0) transport.sendRtvi(rtvi.botStartedSpeaking());
            session.send({ type: "playback.started", turnId: id });
            options.onFirstAudio?.(id, at);
          }
          options.onAudioSent?.(frame.pcm, at);
          t.last = transport.sendAudio(frame.pcm);
          return;
        }
        case "turn.end": {
          const t = turns.get(frame.turnId);
          if (!t) {
            session.send({ type: "playback.done", turnId: frame.turnId });
            return;
          }
          closePhrase(frame.turnId, t);
          void t.last.then((report) => {
            if (turns.get(frame.turnId) !== t) return;
            turns.delete(frame.turnId);
            if (t.started && --playing === 0) transport.sendRtvi(rtvi.botStoppedSpeaking());
            if (!report?.interrupted) session.send({ type: "playback.done", turnId: frame.turnId });
          });
          return;
        }
        default:
          return; // text frames, metrics and turn starts end here
      }
    },
    onInterrupt() {
      transport.stopAudio();
      const hadAudio = [...turns.values()].some((t) => t.started);
      // Uninterruptible backchannels are not tracked as turns; everything else stops here.
      turns.clear();
      if (hadAudio) {
        playing = 0;
        transport.sendRtvi(rtvi.botStoppedSpeaking());
      }
    },
  });

  return Object.assign(stage, {
    get botSpeaking() {
      return playing > 0;
    },
  }) as OutputStage;
}

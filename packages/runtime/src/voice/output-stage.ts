import type { Session } from "@voxchart/engine";
import type { Direction, Frame } from "../pipeline/frames";
import { createProcessor, type Processor } from "../pipeline/processor";
import type { PlaybackReport, TransportSession } from "../transport";
import { rtvi } from "../transport";
import { heardWords, joinSpeech } from "@voxchart/engine";

const joinHeard = (heard: string, more: string) => joinSpeech(heard, more).trim();

export interface OutputStageOptions {
  transport: TransportSession;
  session: Session;
  now?: () => number;
  /** Bot audio as it is sent (24 kHz), for echo suppression. */
  onAudioSent?: (pcm24k: Int16Array, at: number) => void;
  onFirstAudio?: (turnId: string, at: number) => void;
  /** The transport stopped the bot's audio (barge-in); `report` says what was sent and played. */
  onAudioStopped?: (report: PlaybackReport, at: number) => void;
  /** Measurements that travel downstream to here (the TTS stage's `tts.firstAudioMs`). */
  onMetric?: (name: string, value: number) => void;
  /** A bot turn finished playing (after bot-stopped-speaking when it was the last), or was cut. */
  onTurnPlayed?: (turnId: string, interrupted: boolean) => void;
}

export interface OutputStage extends Processor {
  /** Whether bot audio is playing (by the transport's pacing clock). */
  readonly botSpeaking: boolean;
  /** Resolves once every bot turn handed to this stage has played out (or was cut). */
  whenQuiet(): Promise<void>;
}

/** One phrase's audio: how much was sent and how much has played, for word-level hearing. */
interface PhrasePlayback {
  readonly text: string;
  sentMs: number;
  playedMs: number;
  /** What was last reported heard of it, so unchanged progress is not sent again. */
  reported: string;
}

interface TurnPlayback {
  /** The phrases heard whole. */
  heard: string;
  /** Resolves when the audio sent so far for this turn has played. */
  last: Promise<PlaybackReport | null>;
  /** The phrase whose audio is arriving now (synthesis runs ahead of playback). */
  phrase: PhrasePlayback | null;
  /** Phrases with audio not yet all played, in order: the first is the one playing. */
  unheard: PhrasePlayback[];
  /** A phrase whose bot-output waits for its first audio (so the client sees it as it is spoken). */
  unsent: string | null;
  started: boolean;
}

/**
 * The pipeline's last stage: sends bot audio to the transport (paced in real time there), tells
 * the session what was actually played (word by word, as the audio plays) and when a turn finished playing, and
 * sends the RTVI speaking events and bot text to the client. An interruption stops the audio at once.
 */
export function createOutputStage(options: OutputStageOptions): OutputStage {
  const { transport, session } = options;
  const now = options.now ?? Date.now;
  const turns = new Map<string, TurnPlayback>();
  let playing = 0;
  const quietWaiters: (() => void)[] = [];

  function settled(turnId: string, interrupted: boolean) {
    options.onTurnPlayed?.(turnId, interrupted);
    if (turns.size === 0) for (const wake of quietWaiters.splice(0)) wake();
  }

  function sendOutput(id: string, t: TurnPlayback) {
    if (t.unsent === null) return;
    transport.sendRtvi(rtvi.botOutput({ text: t.unsent, aggregatedBy: "sentence", spoken: true, segmentId: id }));
    t.unsent = null;
  }

  const turn = (turnId: string): TurnPlayback => {
    let t = turns.get(turnId);
    if (!t) {
      t = { heard: "", last: Promise.resolve(null), phrase: null, unheard: [], unsent: null, started: false };
      turns.set(turnId, t);
    }
    return t;
  };

  /** A phrase counts as heard whole once its last audio has played. */
  function closePhrase(turnId: string, t: TurnPlayback) {
    const phrase = t.phrase;
    t.phrase = null;
    if (!phrase) return;
    void t.last.then((report) => {
      if (report?.interrupted || turns.get(turnId) !== t) return;
      t.unheard = t.unheard.filter((p) => p !== phrase);
      t.heard = joinHeard(t.heard, phrase.text);
      session.send({ type: "playback.progress", turnId, playedText: t.heard });
    });
  }

  /**
   * Within a phrase, the words played so far (every 20 ms frame that has played moves it on), so
   * a barge-in keeps in the context the words the caller heard, not just the phrases finished.
   */
  function framePlayed(turnId: string, t: TurnPlayback, phrase: PhrasePlayback, ms: number) {
    phrase.playedMs += ms;
    if (t.unheard[0] !== phrase || turns.get(turnId) !== t) return;
    const words = heardWords(phrase.text, phrase.playedMs, phrase.sentMs);
    if (words === phrase.reported || words === "" || words === phrase.text.trim()) return;
    phrase.reported = words;
    session.send({ type: "playback.progress", turnId, playedText: joinHeard(t.heard, words) });
  }

  const stage = createProcessor({
    name: "output",
    process(frame: Frame, direction: Direction, ctx) {
      if (direction === "upstream") return ctx.push(frame, direction);
      switch (frame.type) {
        case "turn.start":
          turn(frame.turnId); // tracked from here, so a cut before its first audio still settles it
          return;
        case "tts.text": {
          const id = frame.turnId ?? "untracked";
          const t = turn(id);
          closePhrase(id, t);
          sendOutput(id, t); // the previous phrase gave no audio: show its text all the same
          t.phrase = { text: frame.text, sentMs: 0, playedMs: 0, reported: "" };
          t.unheard.push(t.phrase);
          t.unsent = frame.text;
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
          sendOutput(id, t);
          options.onAudioSent?.(frame.pcm, at);
          const sent = transport.sendAudio(frame.pcm);
          t.last = sent;
          const phrase = t.phrase;
          if (phrase) {
            const ms = (frame.pcm.length * 1000) / frame.sampleRate;
            phrase.sentMs += ms;
            void sent.then((report) => {
              if (!report.interrupted) framePlayed(id, t, phrase, ms);
            });
          }
          return;
        }
        case "turn.end": {
          const t = turns.get(frame.turnId);
          if (!t) {
            session.send({ type: "playback.done", turnId: frame.turnId });
            settled(frame.turnId, false);
            return;
          }
          closePhrase(frame.turnId, t);
          sendOutput(frame.turnId, t);
          void t.last.then((report) => {
            if (turns.get(frame.turnId) !== t) return;
            turns.delete(frame.turnId);
            if (t.started && --playing === 0) transport.sendRtvi(rtvi.botStoppedSpeaking());
            // After the conversation ended (a goodbye, a transfer) the session takes no more input.
            if (!report?.interrupted && session.state().status !== "done") session.send({ type: "playback.done", turnId: frame.turnId });
            settled(frame.turnId, report?.interrupted ?? false);
          });
          return;
        }
        case "metrics":
          options.onMetric?.(frame.name, frame.value);
          return;
        default:
          return; // text frames end here
      }
    },
    onInterrupt() {
      const report = transport.stopAudio();
      options.onAudioStopped?.(report, now());
      const hadAudio = [...turns.values()].some((t) => t.started);
      const cut = [...turns.keys()];
      turns.clear();
      if (hadAudio) {
        playing = 0;
        transport.sendRtvi(rtvi.botStoppedSpeaking());
      }
      for (const turnId of cut) settled(turnId, true);
    },
  });

  return Object.assign(stage, {
    get botSpeaking() {
      return playing > 0;
    },
    whenQuiet() {
      if (turns.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => quietWaiters.push(resolve));
    },
  }) as OutputStage;
}

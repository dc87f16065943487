import type { Clock, TimerHandle } from "../clock";
import { samplesToMs } from "./pcm";

/**
 * What became of bot audio. The Pipecat client never flushes its player, so everything sent
 * will be heard: `sentMs - playedMs` is the lead still in the client's buffer when reported.
 */
export interface PlaybackReport {
  /** Estimated audio the user has heard, whole ms, from the send clock (the client confirms nothing). */
  readonly playedMs: number;
  /** Audio handed to the socket. */
  readonly sentMs: number;
  /** Audio dropped by stopAudio() before it was sent. */
  readonly droppedMs: number;
  readonly interrupted: boolean;
}

export interface AudioPacerOptions {
  readonly clock: Clock;
  readonly sampleRate: number;
  /** Chunk length on the wire; Pipecat's own server sends 40 ms, the brief wants 20–40. */
  readonly chunkMs?: number;
  /** How far ahead of the client's playhead we keep it fed: jitter cover vs. barge-in tail. */
  readonly leadMs?: number;
  /** Puts one chunk on the wire; returns false when the sink is gone (stops the pacer). */
  readonly send: (chunk: Int16Array) => boolean;
}

export interface AudioPacer {
  /** Queues a segment; resolves when it has (by estimate) played out, or was stopped. */
  enqueue(pcm: Int16Array): Promise<PlaybackReport>;
  /** Drops everything not yet sent (nothing more is sent after this returns) and reports the utterance. */
  stop(): PlaybackReport;
  /** True while audio is queued or still playing at the client. */
  readonly busy: boolean;
}

interface Segment {
  readonly pcm: Int16Array;
  offset: number;
  /** Client-clock time at which the last sent sample of this segment finishes playing. */
  playsUntil: number;
  readonly resolve: (report: PlaybackReport) => void;
}

export function createAudioPacer(options: AudioPacerOptions): AudioPacer {
  const { clock, sampleRate } = options;
  const chunkSamples = Math.max(1, Math.round((sampleRate * (options.chunkMs ?? 20)) / 1000));
  const leadMs = options.leadMs ?? 100;
  const queued: Segment[] = [];
  const playing: Segment[] = [];
  // When the client's buffer runs dry, on our clock; the playhead model is "plays as soon as sent".
  let bufferEndsAt = -Infinity;
  let utterance = { sentSamples: 0 };
  let timer: TimerHandle | undefined;
  let sinkGone = false;

  const segmentReport = (segment: Segment, now: number, interrupted: boolean, dropped: number): PlaybackReport => {
    const sentMs = samplesToMs(segment.offset, sampleRate);
    const unplayed = Math.max(0, segment.playsUntil - now);
    return { sentMs, playedMs: Math.round(Math.max(0, Math.min(sentMs, sentMs - unplayed))), droppedMs: samplesToMs(dropped, sampleRate), interrupted };
  };

  const pump = () => {
    timer = undefined;
    let now = clock.now();
    // Keep sending while the client holds no more than the lead (one chunk over it at most).
    while (!sinkGone && queued.length > 0 && bufferEndsAt - now <= leadMs) {
      const segment = queued[0]!;
      const end = Math.min(segment.pcm.length, segment.offset + chunkSamples);
      const chunk = segment.pcm.subarray(segment.offset, end);
      if (!options.send(chunk)) {
        sinkGone = true;
        break;
      }
      bufferEndsAt = Math.max(bufferEndsAt, now) + samplesToMs(chunk.length, sampleRate);
      segment.offset = end;
      segment.playsUntil = bufferEndsAt;
      utterance.sentSamples += chunk.length;
      if (end >= segment.pcm.length) playing.push(queued.shift()!);
      now = clock.now();
    }
    if (sinkGone) {
      stop();
      return;
    }
    while (playing.length > 0 && playing[0]!.playsUntil <= now) {
      const done = playing.shift()!;
      done.resolve(segmentReport(done, now, false, 0));
    }
    const wakes: number[] = [];
    if (queued.length > 0) wakes.push(bufferEndsAt - leadMs);
    if (playing.length > 0) wakes.push(playing[0]!.playsUntil);
    if (wakes.length > 0) timer = clock.setTimer(pump, Math.max(0, Math.min(...wakes) - now));
  };

  const stop = (): PlaybackReport => {
    if (timer !== undefined) clock.clearTimer(timer);
    timer = undefined;
    const now = clock.now();
    let dropped = 0;
    for (const segment of queued) dropped += segment.pcm.length - segment.offset;
    const sentMs = samplesToMs(utterance.sentSamples, sampleRate);
    const unplayed = Math.max(0, bufferEndsAt - now);
    const report: PlaybackReport = {
      sentMs,
      playedMs: Math.round(Math.max(0, sentMs - unplayed)),
      droppedMs: samplesToMs(dropped, sampleRate),
      interrupted: true,
    };
    for (const segment of [...playing, ...queued]) {
      segment.resolve(segmentReport(segment, now, true, segment.pcm.length - segment.offset));
    }
    playing.length = 0;
    queued.length = 0;
    // The sent tail still plays; a new utterance starts counting from zero.
    utterance = { sentSamples: 0 };
    return report;
  };

  return {
    enqueue(pcm) {
      return new Promise<PlaybackReport>((resolve) => {
        if (sinkGone || pcm.length === 0) {
          resolve({ sentMs: 0, playedMs: 0, droppedMs: samplesToMs(pcm.length, sampleRate), interrupted: sinkGone });
          return;
        }
        if (queued.length === 0 && playing.length === 0 && bufferEndsAt <= clock.now()) utterance = { sentSamples: 0 };
        queued.push({ pcm, offset: 0, playsUntil: -Infinity, resolve });
        if (timer !== undefined) clock.clearTimer(timer);
        pump();
      });
    },
    stop,
    get busy() {
      return queued.length > 0 || playing.length > 0;
    },
  };
}

import type { PipecatTestClient } from "../../transport";
import { roomNoise16k } from "./synthetic-audio";

export interface MicrophoneOptions {
  /** Frame length sent to the server. Default 20 ms. */
  frameMs?: number;
  /**
   * Plays the bot audio the client receives back into the microphone (speaker → microphone):
   * delayed by `delayMs` after it would play, scaled by `gain`. Off by default.
   */
  echo?: { delayMs: number; gain: number };
}

export interface Microphone {
  /** Queues caller audio (16 kHz) to be spoken from the next frame on; resolves when it has all been sent. */
  say(pcm16k: Int16Array): Promise<void>;
  /** performance.now() of the first frame carrying each say()'s audio, in order. */
  readonly spokenAt: number[];
  /** Frames sent so far. */
  readonly frames: number;
  stop(): void;
}

/**
 * A real-time microphone for a Pipecat test client: sends a frame every `frameMs` (catching up
 * after timer lateness so the audio clock keeps pace with the wall clock), room noise when the
 * caller is silent, optionally with the bot's own voice echoed back as a speakerphone would.
 */
export function startMicrophone(client: PipecatTestClient, options: MicrophoneOptions = {}): Microphone {
  const frameMs = options.frameMs ?? 20;
  const frameSamples = (16000 * frameMs) / 1000;
  const t0 = performance.now();
  let sent = 0;
  const queue: { pcm: Int16Array; offset: number; started: boolean; done: () => void }[] = [];
  const spokenAt: number[] = [];
  const noise = roomNoise16k(1000, 3);
  // Echo: bot audio placed on the microphone's sample timeline where it would be heard.
  const echo = new Map<number, Float32Array>(); // frame index -> samples to add
  let readBotAudio = 0;
  let playerEndsAt = 0; // ms (performance.now scale) when the client's player queue runs dry

  function addEcho(pcm24k: Int16Array, arrivedAt: number) {
    const e = options.echo;
    if (!e) return;
    const startsAt = Math.max(arrivedAt, playerEndsAt);
    playerEndsAt = startsAt + (pcm24k.length / 24000) * 1000;
    const first = Math.round(((startsAt + e.delayMs - t0) * 16000) / 1000);
    const n = Math.floor((pcm24k.length * 2) / 3);
    for (let i = 0; i < n; i++) {
      const src = i * 1.5;
      const j = Math.floor(src);
      const frac = src - j;
      const value = ((pcm24k[j] ?? 0) * (1 - frac) + (pcm24k[j + 1] ?? pcm24k[j] ?? 0) * frac) * e.gain;
      const index = first + i;
      const frame = Math.floor(index / frameSamples);
      let buffer = echo.get(frame);
      if (!buffer) echo.set(frame, (buffer = new Float32Array(frameSamples)));
      buffer[index - frame * frameSamples] = (buffer[index - frame * frameSamples] ?? 0) + value;
    }
  }

  function sendFrame(index: number) {
    while (readBotAudio < client.audio.length) {
      const a = client.audio[readBotAudio++]!;
      addEcho(a.pcm, a.at);
    }
    const frame = new Int16Array(frameSamples);
    let filled = 0;
    while (filled < frameSamples && queue.length > 0) {
      const part = queue[0]!;
      if (!part.started) {
        part.started = true;
        spokenAt.push(performance.now());
      }
      const n = Math.min(frameSamples - filled, part.pcm.length - part.offset);
      frame.set(part.pcm.subarray(part.offset, part.offset + n), filled);
      part.offset += n;
      filled += n;
      if (part.offset >= part.pcm.length) {
        queue.shift();
        part.done();
      }
    }
    for (let i = filled; i < frameSamples; i++) frame[i] = noise[(index * frameSamples + i) % noise.length] ?? 0;
    const e = echo.get(index);
    if (e) {
      echo.delete(index);
      for (let i = 0; i < frameSamples; i++) frame[i] = Math.max(-32768, Math.min(32767, Math.round((frame[i] ?? 0) + (e[i] ?? 0))));
    }
    if (client.socket.readyState === client.socket.OPEN) client.sendAudio(frame);
  }

  const timer = setInterval(() => {
    const due = Math.floor((performance.now() - t0) / frameMs);
    while (sent < due) sendFrame(sent++);
  }, frameMs / 2);

  return {
    say(pcm16k) {
      return new Promise<void>((resolve) => queue.push({ pcm: pcm16k, offset: 0, started: false, done: resolve }));
    },
    spokenAt,
    get frames() {
      return sent;
    },
    stop() {
      clearInterval(timer);
    },
  };
}

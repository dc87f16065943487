import { rtvi, type SessionHandler, type TransportSession } from "../src/transport/index";

/**
 * The stand-in for the real pipeline (VAD → STT → engine → TTS) behind the transport: it counts
 * the microphone audio it receives and, after enough of it, plays a scripted turn. Swap it for
 * the pipeline's SessionHandler to run the same browser test end to end.
 */
export interface EchoStats {
  readonly audioFrames: number;
  readonly audioBytes: number;
  readonly sampleRates: ReadonlySet<number>;
  readonly token: string | undefined;
  readonly disconnect: string | undefined;
}

export interface EchoHandlerOptions {
  /** Microphone audio to receive before the "user" starts and stops speaking. */
  readonly speechStartBytes?: number;
  readonly speechEndBytes?: number;
  /** The bot's reply audio: s16le mono 24 kHz. */
  readonly replyAudio: Int16Array;
}

export function createEchoHandler(options: EchoHandlerOptions): { handler: SessionHandler; stats: () => EchoStats } {
  const speechStart = options.speechStartBytes ?? 16_000 * 2 * 0.5;
  const speechEnd = options.speechEndBytes ?? 16_000 * 2 * 1.5;
  const stats = { audioFrames: 0, audioBytes: 0, sampleRates: new Set<number>(), token: undefined as string | undefined, disconnect: undefined as string | undefined };

  const playTurn = async (session: TransportSession) => {
    session.sendRtvi(rtvi.userStoppedSpeaking());
    session.sendRtvi(rtvi.userTranscription({ text: `heard ${stats.audioBytes} bytes`, final: true }));
    session.sendRtvi(rtvi.serverMessage({ receivedBytes: stats.audioBytes, frames: stats.audioFrames, sampleRates: [...stats.sampleRates] }));
    session.sendRtvi(rtvi.botStartedSpeaking());
    session.sendRtvi(rtvi.botOutput({ text: "A table for four, noted.", aggregatedBy: "sentence" }));
    const playback = await session.sendAudio(options.replyAudio);
    session.sendRtvi(rtvi.botStoppedSpeaking());
    session.sendRtvi(rtvi.metrics({ processing: [{ processor: "echo", value: playback.playedMs / 1000 }] }));
  };

  const handler: SessionHandler = (session) => {
    stats.token = session.token;
    let phase: "waiting" | "speaking" | "answered" = "waiting";
    session.on((event) => {
      if (event.type === "disconnect") stats.disconnect = event.reason.code;
      if (event.type !== "audio") return;
      stats.audioFrames += 1;
      stats.audioBytes += event.pcm.byteLength;
      stats.sampleRates.add(event.sampleRate);
      if (phase === "waiting" && stats.audioBytes >= speechStart) {
        phase = "speaking";
        session.sendRtvi(rtvi.userStartedSpeaking());
      } else if (phase === "speaking" && stats.audioBytes >= speechEnd) {
        phase = "answered";
        void playTurn(session);
      }
    });
  };
  return { handler, stats: () => stats };
}

/** A 440 Hz tone, s16le mono 24 kHz. */
export function tone(seconds: number, hz = 440, sampleRate = 24_000): Int16Array {
  return Int16Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) => Math.round(6000 * Math.sin((2 * Math.PI * hz * i) / sampleRate)));
}

/**
 * The browser side of the end-to-end test: the official Pipecat web client, unchanged, with the
 * WavMediaManager (the default DailyMediaManager loads a remote bundle and dies offline).
 * Everything the client reports lands in `window.e2e.log` for the test to read.
 */
import { PipecatClient } from "@pipecat-ai/client-js";
import { WavMediaManager, WebSocketTransport } from "@pipecat-ai/websocket-transport";

interface LogEntry {
  readonly event: string;
  readonly at: number;
  readonly data?: unknown;
}

/** The player the media manager keeps privately; its worklet reports how many samples it played. */
interface StreamPlayer {
  getTrackSampleOffset(): Promise<{ trackId: string | null; offset: number } | null>;
}

/**
 * Counts bot audio reaching the player (the client has no callback for it) and samples what the
 * player rendered. The player's worklet ends its stream whenever its queue runs dry (an underrun)
 * and starts a new one, with a new count, on the next write: sum over streams and count them.
 */
class ObservedWavMediaManager extends WavMediaManager {
  botAudioBytes = 0;
  playedSamples = 0;
  /** Player streams started: one per utterance when nothing ran dry. */
  streams = 0;
  /** Page time when the player first reported rendered samples. */
  firstPlayedAt: number | undefined;
  /** [page ms, samples] of every bot audio write, to tell network/server gaps from player ones. */
  readonly arrivals: [number, number][] = [];
  override bufferBotAudio(data: ArrayBuffer | Int16Array, id?: string): Int16Array {
    this.botAudioBytes += data.byteLength;
    this.arrivals.push([performance.now() - started, data.byteLength / 2]);
    return super.bufferBotAudio(data, id);
  }
  watchPlayback(everyMs: number) {
    const player = (this as unknown as { _wavStreamPlayer?: StreamPlayer })._wavStreamPlayer;
    let finished = 0;
    let current = 0;
    setInterval(() => {
      void player?.getTrackSampleOffset().then((reply) => {
        const offset = reply?.offset ?? 0;
        if (offset > 0 && (current === 0 || offset < current)) this.streams += 1;
        if (offset < current) finished += current; // that stream drained, or ended and restarted
        current = offset;
        this.playedSamples = finished + current;
        if (this.playedSamples > 0 && this.firstPlayedAt === undefined) this.firstPlayedAt = Math.round(performance.now() - started);
      });
    }, everyMs);
  }
}

const log: LogEntry[] = [];
const started = performance.now();
const record = (event: string, data?: unknown) => log.push({ event, at: Math.round(performance.now() - started), data });

const mediaManager = new ObservedWavMediaManager(512, 16000);
const client = new PipecatClient({
  transport: new WebSocketTransport({ mediaManager }),
  enableMic: true,
  enableCam: false,
  callbacks: {
    onConnected: () => record("connected"),
    onBotReady: (data) => record("botReady", data),
    onUserStartedSpeaking: () => record("userStartedSpeaking"),
    onUserStoppedSpeaking: () => record("userStoppedSpeaking"),
    onUserTranscript: (data) => record("userTranscript", data),
    onBotStartedSpeaking: () => record("botStartedSpeaking"),
    onBotStoppedSpeaking: () => record("botStoppedSpeaking"),
    onBotOutput: (data) => record("botOutput", data),
    onServerMessage: (data) => record("serverMessage", data),
    onMetrics: (data) => record("metrics", data),
    onError: (message) => record("error", message.data),
    onDisconnected: () => record("disconnected"),
  },
});

mediaManager.watchPlayback(25);

const e2e = {
  log,
  connectResolved: false,
  failure: undefined as string | undefined,
  botAudioBytes: () => mediaManager.botAudioBytes,
  playedSamples: () => mediaManager.playedSamples,
  playerStreams: () => mediaManager.streams,
  arrivals: () => mediaManager.arrivals,
  firstPlayedAt: () => mediaManager.firstPlayedAt,
  disconnect: () => client.disconnect(),
};
(window as unknown as { e2e: typeof e2e }).e2e = e2e;

const startUrl = new URLSearchParams(location.search).get("start");
if (!startUrl) {
  e2e.failure = "the page needs ?start=<POST /start URL>";
} else {
  // startBotAndConnect: POST /start (cross-origin, so CORS is exercised), then the WebSocket.
  client
    .startBotAndConnect({ endpoint: startUrl, requestData: { flow: "e2e" } })
    .then((botReady) => {
      e2e.connectResolved = true;
      record("connectResolved", botReady);
    })
    .catch((cause: unknown) => {
      e2e.failure = cause instanceof Error ? cause.message : String(cause);
    });
}

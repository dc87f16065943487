import { WebSocket } from "ws";
import { bytesToPcm16, pcm16ToBytes } from "../audio/pcm";
import { decodeFrame, encodeFrame } from "../protocol/frame-codec";
import { RTVI_LABEL, RTVI_PROTOCOL_VERSION } from "../protocol/rtvi-version";

/** A received RTVI envelope, loosely typed: tests assert on it. */
export interface ReceivedRtvi {
  readonly label: string;
  readonly type: string;
  readonly id?: string;
  readonly data?: unknown;
}

/**
 * A Node client of the Pipecat WebSocket protocol for tests: what @pipecat-ai/websocket-transport
 * sends and receives, without a browser. Records every frame with its arrival time.
 */
export interface PipecatTestClient {
  readonly socket: WebSocket;
  readonly messages: ReceivedRtvi[];
  readonly audio: { readonly pcm: Int16Array; readonly at: number }[];
  sendRtvi(type: string, data?: unknown, id?: string): void;
  sendAudio(pcm16k: Int16Array): void;
  sendRaw(data: Uint8Array | string): void;
  /** Sends client-ready and resolves with bot-ready. */
  handshake(id?: string): Promise<ReceivedRtvi>;
  waitForMessage(type: string, timeoutMs?: number): Promise<ReceivedRtvi>;
  waitForClose(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  close(): void;
}

export async function connectPipecatTestClient(url: string): Promise<PipecatTestClient> {
  const socket = new WebSocket(url);
  const messages: ReceivedRtvi[] = [];
  const audio: { pcm: Int16Array; at: number }[] = [];
  const waiters = new Set<() => void>();
  let closeInfo: { code: number; reason: string } | undefined;
  socket.on("message", (data: Buffer) => {
    const frame = decodeFrame(new Uint8Array(data));
    if (frame.ok && frame.value.kind === "message") messages.push(JSON.parse(frame.value.data) as ReceivedRtvi);
    if (frame.ok && frame.value.kind === "audio") audio.push({ pcm: bytesToPcm16(frame.value.audio), at: performance.now() });
    for (const wake of [...waiters]) wake();
  });
  socket.on("close", (code, reason) => {
    closeInfo = { code, reason: reason.toString() };
    for (const wake of [...waiters]) wake();
  });
  socket.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });

  const waitUntil = <T>(probe: () => T | undefined, what: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${messages.map((m) => m.type).join(", ")}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  const sendRtvi = (type: string, data?: unknown, id = Math.random().toString(16).slice(2, 10)) =>
    socket.send(encodeFrame({ kind: "message", data: JSON.stringify({ id, label: RTVI_LABEL, type, data }) }));

  const waitForMessage = (type: string, timeoutMs = 2000) =>
    waitUntil(() => messages.find((m) => m.type === type), `RTVI ${type}`, timeoutMs);

  return {
    socket,
    messages,
    audio,
    sendRtvi,
    sendAudio: (pcm) => socket.send(encodeFrame({ kind: "audio", audio: pcm16ToBytes(pcm), sampleRate: 16000, numChannels: 1 })),
    sendRaw: (data) => socket.send(data),
    handshake(id = "ready-01") {
      sendRtvi("client-ready", { version: RTVI_PROTOCOL_VERSION, about: { library: "test" } }, id);
      return waitForMessage("bot-ready");
    },
    waitForMessage,
    waitForClose: (timeoutMs = 2000) => waitUntil(() => closeInfo, "close", timeoutMs),
    close: () => socket.close(),
  };
}

import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { createTransportServer, type TransportServerOptions } from "../server/transport-server";
import type { TransportEvent, TransportSession } from "../session";
import { connectPipecatTestClient } from "../testing/pipecat-test-client";
import { rtvi } from "../protocol/rtvi-factories";

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server whose sessions and their events are recorded for assertions. */
async function startServer(options: Partial<TransportServerOptions> = {}) {
  const sessions: { session: TransportSession; events: TransportEvent[] }[] = [];
  const server = createTransportServer({
    onSession: (session) => {
      const entry = { session, events: [] as TransportEvent[] };
      sessions.push(entry);
      session.on((event) => entry.events.push(event));
    },
    ...options,
  });
  servers.push(server);
  const { url } = await server.listen();
  const wsUrl = `${url.replace("http", "ws")}/ws`;
  const until = async (probe: () => boolean, what: string) => {
    await vi.waitFor(() => expect(probe(), what).toBe(true), { timeout: 2000, interval: 5 });
  };
  return { server, sessions, wsUrl, url, until };
}

describe("Pipecat WebSocket session", () => {
  it("answers client-ready with bot-ready echoing the id, version 2.1.0", async () => {
    const { wsUrl, sessions, until } = await startServer();
    const client = await connectPipecatTestClient(wsUrl);
    const ready = await client.handshake("abcd1234");
    expect(ready).toMatchObject({ label: "rtvi-ai", type: "bot-ready", id: "abcd1234", data: { version: "2.1.0" } });
    await until(() => sessions[0]?.events.some((e) => e.type === "ready") === true, "ready event");
    expect(sessions[0]?.events[0]).toMatchObject({ type: "ready", clientVersion: "2.1.0" });
    client.close();
  });

  it("exposes the ?token= of the connection for resuming a session", async () => {
    const { wsUrl, sessions, until } = await startServer();
    const client = await connectPipecatTestClient(`${wsUrl}?token=resume-42`);
    await until(() => sessions.length === 1, "session");
    expect(sessions[0]?.session.token).toBe("resume-42");
    client.close();
  });

  it("delivers user audio, typed text, client messages and append-to-context as events", async () => {
    const { wsUrl, sessions, until } = await startServer();
    const client = await connectPipecatTestClient(wsUrl);
    await client.handshake();
    client.sendAudio(new Int16Array(256).fill(42));
    client.sendRtvi("send-text", { content: "a table for four", options: {} });
    client.sendRtvi("client-message", { t: "get-node", d: { x: 1 } }, "req-1");
    client.sendRtvi("append-to-context", { role: "user", content: "hi" });
    await until(() => (sessions[0]?.events.length ?? 0) >= 5, "five events");
    const [, audio, text, message, context] = sessions[0]!.events;
    expect(audio).toMatchObject({ type: "audio", sampleRate: 16000, numChannels: 1 });
    expect(audio?.type === "audio" && audio.pcm.length === 256 && audio.pcm[0] === 42).toBe(true);
    expect(text).toEqual({ type: "text", text: "a table for four", runImmediately: true, audioResponse: true });
    expect(message).toEqual({ type: "client-message", id: "req-1", t: "get-node", d: { x: 1 } });
    expect(context).toEqual({ type: "context", role: "user", content: "hi", runImmediately: true });
    sessions[0]!.session.sendRtvi(rtvi.serverResponse("req-1", "get-node", { node: "ask_party" }));
    await expect(client.waitForMessage("server-response")).resolves.toMatchObject({ id: "req-1", data: { d: { node: "ask_party" } } });
    client.close();
  });

  it("replays events that arrived before an async handler subscribed", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    const { wsUrl } = await startServer({
      onSession: async (session) => {
        await gate; // e.g. loading a stored snapshot by token
        session.on((event) => seen.push(event.type));
      },
    });
    const client = await connectPipecatTestClient(wsUrl);
    await client.handshake();
    client.sendRtvi("send-text", { content: "early" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await vi.waitFor(() => expect(seen).toEqual(["ready", "text"]));
    client.close();
  });

  it("closes the session whose handler fails, and keeps the server up", async () => {
    const warn = vi.fn();
    let calls = 0;
    const { wsUrl } = await startServer({
      logger: { debug: vi.fn(), warn },
      onSession: async () => {
        calls += 1;
        if (calls === 1) throw new Error("could not load the session");
      },
    });
    const doomed = await connectPipecatTestClient(wsUrl);
    await doomed.waitForClose();
    expect(warn).toHaveBeenCalledWith("session handler failed", expect.anything());
    const next = await connectPipecatTestClient(wsUrl);
    await expect(next.handshake()).resolves.toMatchObject({ type: "bot-ready" });
    next.close();
  });

  it("ignores unknown RTVI types with a debug log, not an error", async () => {
    const debug = vi.fn();
    const { wsUrl } = await startServer({ logger: { debug, warn: vi.fn() } });
    const client = await connectPipecatTestClient(wsUrl);
    await client.handshake();
    client.sendRtvi("ui-event", { event: "click" });
    client.sendRtvi("client-message", { t: "after" });
    await vi.waitFor(() => expect(debug).toHaveBeenCalledWith("ignored RTVI message of unknown type", expect.objectContaining({ type: "ui-event" })));
    expect(client.messages.map((m) => m.type)).toEqual(["bot-ready"]);
    client.close();
  });

  it("answers a malformed frame with a non-fatal error, and closes after repeated abuse", async () => {
    const { wsUrl, sessions, until } = await startServer({ maxMalformedMessages: 2 });
    const bystander = await connectPipecatTestClient(wsUrl);
    await bystander.handshake();
    const client = await connectPipecatTestClient(wsUrl);
    await client.handshake();
    client.sendRaw(new Uint8Array([0x12, 0xff, 0xff, 0xff, 0x0f]));
    const first = await client.waitForMessage("error");
    expect(first.data).toMatchObject({ fatal: false });
    expect(String((first.data as { error: string }).error)).toContain("transport/malformed-frame");
    client.sendRaw("a text frame");
    client.sendRaw(new Uint8Array([0xff]));
    const closed = await client.waitForClose();
    expect(closed.code).toBe(1008);
    expect(client.messages.filter((m) => m.type === "error").map((m) => (m.data as { fatal: boolean }).fatal)).toEqual([false, false, true]);
    await until(() => sessions[1]?.events.at(-1)?.type === "disconnect", "disconnect");
    expect(sessions[1]?.events.at(-1)).toMatchObject({ reason: { code: "abuse" } });
    // The other session is untouched.
    bystander.sendRtvi("client-message", { t: "still-here" });
    await until(() => sessions[0]?.events.some((e) => e.type === "client-message") === true, "bystander message");
    bystander.close();
  });

  it("answers a known type with bad data with an error-response to its id", async () => {
    const { wsUrl } = await startServer();
    const client = await connectPipecatTestClient(wsUrl);
    await client.handshake();
    client.sendRtvi("client-message", { d: "no t" }, "req-7");
    await expect(client.waitForMessage("error-response")).resolves.toMatchObject({ id: "req-7" });
    client.close();
  });

  it("closes only the session that sends an oversized message, with a fatal error first", async () => {
    const { wsUrl, sessions, until } = await startServer({ maxMessageBytes: 64 * 1024 });
    const bystander = await connectPipecatTestClient(wsUrl);
    await bystander.handshake();
    const client = await connectPipecatTestClient(wsUrl);
    await client.handshake();
    client.sendAudio(new Int16Array(40 * 1024));
    const closed = await client.waitForClose();
    expect(closed.code).toBe(1009);
    expect(client.messages.find((m) => m.type === "error")?.data).toMatchObject({ fatal: true });
    await until(() => sessions[1]?.events.at(-1)?.type === "disconnect", "disconnect");
    expect(sessions[1]?.events.at(-1)).toMatchObject({ reason: { code: "message-too-large" } });
    const again = await connectPipecatTestClient(wsUrl);
    await again.handshake();
    expect(bystander.socket.readyState).toBe(WebSocket.OPEN);
    again.close();
    bystander.close();
  });

  it("lets ws close a message past twice the limit, still ending only that session", async () => {
    const { wsUrl, sessions, until } = await startServer({ maxMessageBytes: 16 * 1024 });
    const client = await connectPipecatTestClient(wsUrl);
    await client.handshake();
    client.sendAudio(new Int16Array(40 * 1024));
    expect((await client.waitForClose()).code).toBe(1009);
    await until(() => sessions[0]?.events.at(-1)?.type === "disconnect", "disconnect");
    expect(sessions[0]?.events.at(-1)).toMatchObject({ reason: { code: "message-too-large" } });
  });

  it("drops a client that stops reading, and keeps serving others", async () => {
    const { wsUrl, sessions, until } = await startServer({ maxBufferedBytes: 256 * 1024 });
    const client = await connectPipecatTestClient(wsUrl);
    await client.handshake();
    await until(() => sessions.length === 1, "session");
    // Stop reading at the TCP level: the kernel buffers fill, then ws's own backlog grows.
    (client.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const session = sessions[0]!.session;
    const blob = "x".repeat(256 * 1024);
    for (let i = 0; i < 400 && !session.closed; i++) {
      session.sendRtvi(rtvi.serverMessage({ blob }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(session.closed).toBe(true);
    expect(sessions[0]?.events.at(-1)).toMatchObject({ type: "disconnect", reason: { code: "slow-consumer" } });
    const other = await connectPipecatTestClient(wsUrl);
    await expect(other.handshake()).resolves.toMatchObject({ type: "bot-ready" });
    other.close();
  });

  it("ends the session on disconnect-bot and closes the socket", async () => {
    const { wsUrl, sessions, until } = await startServer();
    const client = await connectPipecatTestClient(wsUrl);
    await client.handshake();
    client.sendRtvi("disconnect-bot", {});
    await client.waitForClose();
    await until(() => sessions[0]?.events.at(-1)?.type === "disconnect", "disconnect");
    expect(sessions[0]?.events.at(-1)).toMatchObject({ reason: { code: "client-request" } });
    expect(sessions[0]?.session.closed).toBe(true);
  });

  it("streams bot audio in real time over a real socket and stops within a chunk on barge-in", async () => {
    const { wsUrl, sessions, until } = await startServer({ audioChunkMs: 20, audioLeadMs: 100 });
    const client = await connectPipecatTestClient(wsUrl);
    await client.handshake();
    await until(() => sessions.length === 1, "session");
    const session = sessions[0]!.session;
    const tone = new Int16Array(24_000 * 0.6).map((_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 24_000)));
    const started = performance.now();
    const report = await session.sendAudio(tone);
    const elapsed = performance.now() - started;
    expect(report).toMatchObject({ sentMs: 600, playedMs: 600, interrupted: false });
    expect(elapsed).toBeGreaterThan(580);
    expect(elapsed).toBeLessThan(1500); // generous: CI runs two suites on two cores
    await until(() => client.audio.length === 30, "30 chunks");
    expect(client.audio.every((c) => c.pcm.length === 480)).toBe(true);
    // Real time: the last chunk arrives ~(600 - lead) ms after the first, never all at once.
    const spread = client.audio.at(-1)!.at - client.audio[0]!.at;
    expect(spread).toBeGreaterThan(400);

    const longStarted = performance.now();
    const long = session.sendAudio(new Int16Array(24_000 * 2));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopped = session.stopAudio();
    // The timer can fire late on a loaded machine: what was sent is judged against the time that passed.
    const waited = performance.now() - longStarted;
    const countAtStop = client.audio.length;
    expect(stopped.interrupted).toBe(true);
    expect(stopped.sentMs).toBeGreaterThan(300);
    expect(stopped.sentMs - stopped.playedMs).toBeLessThanOrEqual(130);
    // Paced: never more than the time passed plus the lead (100 ms) and a chunk; the rest dropped.
    expect(stopped.sentMs).toBeLessThanOrEqual(waited + 100 + 20);
    expect(stopped.sentMs + stopped.droppedMs).toBe(2000);
    await expect(long).resolves.toMatchObject({ interrupted: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // At most a chunk already on the wire when stopAudio() ran arrives after it.
    expect(client.audio.length - countAtStop).toBeLessThanOrEqual(1);
    client.close();
  });
});

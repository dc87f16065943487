import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { rtvi } from "../protocol/rtvi-factories";
import { createTransportServer } from "../server/transport-server";
import type { TransportEvent, TransportSession } from "../session";
import { TextOutboundSchema, type TextOutbound } from "./text-messages";

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function connect() {
  const sessions: { session: TransportSession; events: TransportEvent[] }[] = [];
  const server = createTransportServer({
    maxMalformedMessages: 1,
    onSession: (session) => {
      const entry = { session, events: [] as TransportEvent[] };
      sessions.push(entry);
      session.on((event) => entry.events.push(event));
    },
  });
  servers.push(server);
  const { url } = await server.listen();
  const socket = new WebSocket(`${url.replace("http", "ws")}/text?token=abc`);
  const received: TextOutbound[] = [];
  socket.on("message", (data: Buffer, isBinary) => {
    expect(isBinary).toBe(false);
    received.push(TextOutboundSchema.parse(JSON.parse(data.toString("utf8"))));
  });
  await new Promise((resolve) => socket.once("open", resolve));
  await vi.waitFor(() => expect(received[0]?.type).toBe("ready"));
  return { socket, received, sessions };
}

describe("text channel", () => {
  it("turns user.text into a text event and RTVI bot messages into bot text and state", async () => {
    const { socket, received, sessions } = await connect();
    socket.send(JSON.stringify({ type: "user.text", text: "a table for four" }));
    await vi.waitFor(() => expect(sessions[0]?.events.map((e) => e.type)).toEqual(["ready", "text"]));
    const session = sessions[0]!.session;
    expect(session).toMatchObject({ kind: "text-ws", token: "abc", capabilities: { audio: false } });
    expect(sessions[0]?.events[1]).toMatchObject({ type: "text", text: "a table for four", audioResponse: false });
    session.sendRtvi(rtvi.botLlmStarted());
    session.sendRtvi(rtvi.botOutput({ text: "For four, noted." }));
    session.sendRtvi(rtvi.botStoppedSpeaking());
    session.sendRtvi(rtvi.botReady("x"));
    await vi.waitFor(() => expect(received.length).toBe(4));
    expect(received.slice(1)).toEqual([
      { type: "bot.state", state: "thinking" },
      { type: "bot.text", text: "For four, noted.", final: true },
      { type: "bot.state", state: "listening" },
    ]);
    await expect(session.sendAudio(new Int16Array(2400))).resolves.toMatchObject({ sentMs: 0, droppedMs: 100 });
    socket.close();
  });

  it("answers invalid input with an error, then closes after repeated abuse", async () => {
    const { socket, received, sessions } = await connect();
    socket.send("{not json");
    await vi.waitFor(() => expect(received.at(-1)).toMatchObject({ type: "error", fatal: false }));
    const closed = new Promise<number>((resolve) => socket.once("close", resolve));
    socket.send(JSON.stringify({ type: "user.text" }));
    expect(await closed).toBe(1008);
    expect(received.at(-1)).toMatchObject({ type: "error", fatal: true });
    await vi.waitFor(() => expect(sessions[0]?.events.at(-1)).toMatchObject({ type: "disconnect", reason: { code: "abuse" } }));
  });
});

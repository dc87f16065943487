import { afterEach, describe, expect, it } from "vitest";
import { encodeWav, parseWav } from "../audio/wav";
import { StartResponseSchema } from "../http/start-endpoint";
import { TurnResponseSchema, type TurnRequest } from "../http/turn-endpoint";
import { createTransportServer, type TransportServerOptions } from "./transport-server";

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: Partial<TransportServerOptions> = {}) {
  const server = createTransportServer({ onSession: () => {}, ...options });
  servers.push(server);
  return (await server.listen()).url;
}

describe("POST /start", () => {
  it("answers only { wsUrl, token } with CORS, as startBotAndConnect requires", async () => {
    const url = await start({ start: { createToken: (data) => `tok-${(data as { flow: string }).flow}` } });
    const response = await fetch(`${url}/start`, { method: "POST", headers: { "content-type": "application/json", origin: "http://app.test" }, body: JSON.stringify({ flow: "booking" }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body: unknown = await response.json();
    expect(Object.keys(body as object).sort()).toEqual(["token", "wsUrl"]);
    expect(StartResponseSchema.parse(body)).toEqual({ wsUrl: `${url.replace("http", "ws")}/ws`, token: "tok-booking" });
  });

  it("answers a CORS preflight for an allowed origin and omits the header for others", async () => {
    const url = await start({ cors: ["http://app.test"] });
    const preflight = await fetch(`${url}/start`, {
      method: "OPTIONS",
      headers: { origin: "http://app.test", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type");
    const other = await fetch(`${url}/start`, { method: "POST", headers: { origin: "http://evil.test" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("uses a configured public wsUrl and a random token by default", async () => {
    const url = await start({ start: { wsUrl: "wss://voice.example/ws" } });
    const body = StartResponseSchema.parse(await (await fetch(`${url}/start`, { method: "POST" })).json());
    expect(body.wsUrl).toBe("wss://voice.example/ws");
    expect(body.token).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects a body that is not JSON and other methods with typed errors", async () => {
    const url = await start();
    const bad = await fetch(`${url}/start`, { method: "POST", body: "{oops" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "transport/invalid-json" } });
    const get = await fetch(`${url}/start`);
    expect(get.status).toBe(405);
    const missing = await fetch(`${url}/nowhere`, { method: "POST" });
    expect(missing.status).toBe(404);
  });
});

describe("POST /turn", () => {
  it("hands the WAV to the handler and answers { transcript, reply, audioBase64 }", async () => {
    const seen: TurnRequest[] = [];
    const url = await start({
      onTurn: async (request) => {
        seen.push(request);
        return { transcript: "a table for four", reply: "For four, noted.", audio: new Int16Array(2400).fill(7), audioSampleRate: 24000 };
      },
    });
    const wav = encodeWav(new Int16Array(1600).fill(3), 16000);
    const response = await fetch(`${url}/turn?token=t-1`, { method: "POST", headers: { "content-type": "audio/wav" }, body: wav });
    expect(response.status).toBe(200);
    const body = TurnResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ transcript: "a table for four", reply: "For four, noted." });
    const audio = parseWav(Buffer.from(body.audioBase64, "base64"));
    expect(audio.ok && audio.value.sampleRate === 24000 && audio.value.samples.length === 2400).toBe(true);
    expect(seen[0]).toMatchObject({ sampleRate: 16000, channels: 1, token: "t-1" });
    expect(seen[0]?.pcm.length).toBe(1600);
  });

  it("maps a bad WAV to 415, a too-large body to 413 and a failing handler to 500", async () => {
    const url = await start({
      maxTurnBytes: 10_000,
      onTurn: () => Promise.reject(new Error("stt down")),
    });
    const notWav = await fetch(`${url}/turn`, { method: "POST", body: "not audio" });
    expect(notWav.status).toBe(415);
    expect(await notWav.json()).toMatchObject({ error: { code: "transport/invalid-wav" } });
    const big = await fetch(`${url}/turn`, { method: "POST", body: encodeWav(new Int16Array(8000), 16000) });
    expect(big.status).toBe(413);
    const failing = await fetch(`${url}/turn`, { method: "POST", body: encodeWav(new Int16Array(10), 16000) });
    expect(failing.status).toBe(500);
    expect(await failing.json()).toMatchObject({ error: { code: "transport/handler-failed", message: expect.stringContaining("stt down") } });
  });

  it("is not routed when no turn handler is configured", async () => {
    const url = await start();
    expect((await fetch(`${url}/turn`, { method: "POST" })).status).toBe(404);
  });
});

import { describe, expect, it } from "vitest";
import { rtvi } from "./rtvi-factories";
import { parseRtviInbound } from "./rtvi-inbound";
import { RtviOutboundSchema } from "./rtvi-outbound";

describe("RTVI outbound factories", () => {
  it("build a valid message for every type we send", () => {
    const built = [
      rtvi.botReady("abc12345"),
      rtvi.error("boom", true),
      rtvi.userStartedSpeaking(),
      rtvi.userStoppedSpeaking(),
      rtvi.botStartedSpeaking(),
      rtvi.botStoppedSpeaking(),
      rtvi.userTranscription({ text: "a table for four", final: true, timestamp: new Date(0) }),
      rtvi.botOutput({ text: "For four, noted.", aggregatedBy: "sentence" }),
      rtvi.botLlmText("For"),
      rtvi.botTtsText("For four"),
      rtvi.botLlmStarted(),
      rtvi.botLlmStopped(),
      rtvi.botTtsStarted(),
      rtvi.botTtsStopped(),
      rtvi.metrics({ ttfb: [{ processor: "tts", value: 0.21 }] }),
      rtvi.serverMessage({ anything: [1, 2] }),
      rtvi.serverResponse("req-1", "time", { now: 1 }),
      rtvi.errorResponse("req-2", "no such command"),
    ];
    for (const message of built) expect(RtviOutboundSchema.parse(message)).toEqual(message);
    expect(new Set(built.map((m) => m.type)).size).toBe(RtviOutboundSchema.options.length);
  });

  it("bot-ready echoes the client-ready id with protocol version 2.1.0", () => {
    expect(rtvi.botReady("id-1", { library: "voxchart" })).toEqual({
      label: "rtvi-ai",
      type: "bot-ready",
      id: "id-1",
      data: { version: "2.1.0", about: { library: "voxchart" } },
    });
  });

  it("user-transcription carries an ISO timestamp and a user id", () => {
    const message = rtvi.userTranscription({ text: "hi", final: false, timestamp: new Date(Date.UTC(2026, 10, 25)) });
    expect(message.data).toEqual({ text: "hi", final: false, timestamp: "2026-11-25T00:00:00.000Z", user_id: "user" });
  });
});

describe("RTVI inbound parsing", () => {
  const envelope = (type: string, data?: unknown, id = "c0ffee00") => JSON.stringify({ id, label: "rtvi-ai", type, data });

  it("accepts every client message type we handle", () => {
    const cases = [
      envelope("client-ready", { version: "2.1.0", about: { library: "@pipecat-ai/client-js" } }),
      envelope("send-text", { content: "hello", options: {} }),
      envelope("client-message", { t: "ping", d: { n: 1 } }),
      envelope("disconnect-bot", {}),
      envelope("append-to-context", { role: "user", content: "hi", run_immediately: true }),
    ];
    for (const json of cases) {
      const parsed = parseRtviInbound(json);
      expect(parsed.ok && parsed.value.kind).toBe("message");
    }
  });

  it("reports an unknown type as unknown, not as an error", () => {
    expect(parseRtviInbound(envelope("ui-event", { x: 1 }))).toEqual({ ok: true, value: { kind: "unknown", type: "ui-event", id: "c0ffee00" } });
  });

  it("rejects a known type with bad data, keeping the id for an error-response", () => {
    const parsed = parseRtviInbound(envelope("send-text", { text: "wrong key" }, "req-9"));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.id).toBe("req-9");
      expect(parsed.error.error.code).toBe("transport/invalid-rtvi");
      expect(parsed.error.error.message).toContain("data.content");
    }
  });

  it("rejects text that is not JSON or not an RTVI envelope", () => {
    const notJson = parseRtviInbound("{nope");
    expect(!notJson.ok && notJson.error.error.code).toBe("transport/invalid-json");
    const noLabel = parseRtviInbound(JSON.stringify({ type: "client-ready" }));
    expect(!noLabel.ok && noLabel.error.error.code).toBe("transport/invalid-rtvi");
  });
});

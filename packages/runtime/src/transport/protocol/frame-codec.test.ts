import { describe, expect, it } from "vitest";
import { decodeFrame, encodeFrame } from "./frame-codec";
import { Frame } from "./generated/frames";

describe("pipecat frame codec", () => {
  it("round-trips audio, text, transcription and message frames", () => {
    const audio = new Uint8Array([1, 0, 255, 127]);
    const frames = [
      { kind: "audio", audio, sampleRate: 24000, numChannels: 1 },
      { kind: "text", text: "hello" },
      { kind: "transcription", text: "book a table", userId: "u1", timestamp: "2026-11-25T08:00:00.000Z" },
      { kind: "message", data: '{"label":"rtvi-ai","type":"bot-ready"}' },
    ] as const;
    for (const frame of frames) {
      const decoded = decodeFrame(encodeFrame(frame));
      expect(decoded).toEqual({ ok: true, value: frame });
    }
  });

  it("writes the wire layout the web client expects (audio is field 2, message field 4)", () => {
    const audio = Frame.fromBinary(encodeFrame({ kind: "audio", audio: new Uint8Array([9, 9]), sampleRate: 24000, numChannels: 1 }));
    expect(audio.frame.oneofKind).toBe("audio");
    expect(encodeFrame({ kind: "message", data: "{}" })).toEqual(new Uint8Array([0x22, 0x04, 0x0a, 0x02, 0x7b, 0x7d]));
  });

  it("decodes an interruption frame from a Python pipecat peer", () => {
    const bytes = Frame.toBinary({ frame: { oneofKind: "interruption", interruption: { id: 7n, name: "InterruptionFrame" } } });
    expect(decodeFrame(bytes)).toEqual({ ok: true, value: { kind: "interruption" } });
  });

  it("reports garbage as a malformed frame and an empty message as an empty frame", () => {
    const garbage = decodeFrame(new Uint8Array([0x12, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    expect(garbage.ok).toBe(false);
    if (!garbage.ok) expect(garbage.error.code).toBe("transport/malformed-frame");
    const empty = decodeFrame(new Uint8Array());
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.code).toBe("transport/empty-frame");
  });
});

import { Frame } from "./generated/frames";
import { describeUnknown, fail, ok, transportError, type Result } from "../errors";

/**
 * The pipecat `Frame` oneof as plain values. `interruption` (field 5) is decoded for
 * completeness but has no encoder: the 1.7.x web client cannot parse it.
 */
export type WireFrame =
  | { readonly kind: "audio"; readonly audio: Uint8Array; readonly sampleRate: number; readonly numChannels: number }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "transcription"; readonly text: string; readonly userId: string; readonly timestamp: string }
  | { readonly kind: "message"; readonly data: string }
  | { readonly kind: "interruption" };

export type OutboundWireFrame = Exclude<WireFrame, { kind: "interruption" }>;

export function encodeFrame(frame: OutboundWireFrame): Uint8Array {
  switch (frame.kind) {
    case "audio":
      return Frame.toBinary({
        frame: {
          oneofKind: "audio",
          audio: { id: 0n, name: "audio", audio: frame.audio, sampleRate: frame.sampleRate, numChannels: frame.numChannels },
        },
      });
    case "text":
      return Frame.toBinary({ frame: { oneofKind: "text", text: { id: 0n, name: "text", text: frame.text } } });
    case "transcription":
      return Frame.toBinary({
        frame: {
          oneofKind: "transcription",
          transcription: { id: 0n, name: "transcription", text: frame.text, userId: frame.userId, timestamp: frame.timestamp },
        },
      });
    case "message":
      return Frame.toBinary({ frame: { oneofKind: "message", message: { data: frame.data } } });
  }
}

export function decodeFrame(bytes: Uint8Array): Result<WireFrame> {
  let decoded: Frame;
  try {
    decoded = Frame.fromBinary(bytes);
  } catch (cause) {
    return fail(transportError("transport/malformed-frame", `Binary message is not a pipecat Frame (${describeUnknown(cause)}); send protobuf pipecat.Frame messages`));
  }
  const frame = decoded.frame;
  switch (frame.oneofKind) {
    case "audio":
      return ok({ kind: "audio", audio: frame.audio.audio, sampleRate: frame.audio.sampleRate, numChannels: frame.audio.numChannels });
    case "text":
      return ok({ kind: "text", text: frame.text.text });
    case "transcription":
      return ok({ kind: "transcription", text: frame.transcription.text, userId: frame.transcription.userId, timestamp: frame.transcription.timestamp });
    case "message":
      return ok({ kind: "message", data: frame.message.data });
    case "interruption":
      return ok({ kind: "interruption" });
    case undefined:
      return fail(transportError("transport/empty-frame", "Frame carries none of text, audio, transcription, message or interruption"));
  }
}

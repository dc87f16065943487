import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { encodeWav, parseWav } from "../audio/wav";
import { describeUnknown, transportError } from "../errors";
import { tokenFromUrl } from "./token-from-url";
import { readBody } from "./read-body";
import { sendError, sendJson } from "./http-errors";

/** One sequential turn over HTTP (tier 1): a WAV of the user's utterance in, the bot's answer out. */
export interface TurnRequest {
  /** 16-bit PCM as recorded; channels interleaved. */
  readonly pcm: Int16Array;
  readonly sampleRate: number;
  readonly channels: number;
  /** `?token=` of the request, to continue a stored session. */
  readonly token: string | undefined;
}

export interface TurnResult {
  readonly transcript: string;
  readonly reply: string;
  /** Mono 16-bit PCM of the spoken reply; empty for none. */
  readonly audio: Int16Array;
  readonly audioSampleRate: number;
}

export type TurnHandler = (request: TurnRequest) => Promise<TurnResult>;

/** The JSON answer; `audioBase64` is a complete WAV file, so it plays as a data: URL. */
export const TurnResponseSchema = z.object({ transcript: z.string(), reply: z.string(), audioBase64: z.string() });
export type TurnResponse = z.infer<typeof TurnResponseSchema>;

export async function handleTurn(request: IncomingMessage, response: ServerResponse, handler: TurnHandler, maxBytes: number) {
  const body = await readBody(request, maxBytes);
  if (!body.ok) return sendError(response, body.error);
  const wav = parseWav(body.value);
  if (!wav.ok) return sendError(response, wav.error);
  let result: TurnResult;
  try {
    result = await handler({ pcm: wav.value.samples, sampleRate: wav.value.sampleRate, channels: wav.value.channels, token: tokenFromUrl(request.url) });
  } catch (cause) {
    return sendError(response, transportError("transport/handler-failed", `turn handler failed: ${describeUnknown(cause)}`));
  }
  const audioBase64 = result.audio.length > 0 ? Buffer.from(encodeWav(result.audio, result.audioSampleRate)).toString("base64") : "";
  sendJson(response, 200, TurnResponseSchema.parse({ transcript: result.transcript, reply: result.reply, audioBase64 }));
}

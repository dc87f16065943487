import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { parseWav } from "../pcm";
import { deterministicChatResponder, type ChatResponder } from "./chat-responder";
import { writeChatReply } from "./chat-route";
import { delay, readBody, sendError, sendJson, untilAborted } from "./http-helpers";
import { RequestLog, type RecordedRequest } from "./request-log";
import {
  ChatStepSchema,
  ServerScriptSchema,
  SpeechStepSchema,
  TranscriptionStepSchema,
  type ParsedServerScript,
  type ServerScript,
} from "./script";
import { fixWavSizes, missingSpeechPrograms, startSynthesis } from "./speech-synthesis";
import { ChatRequestSchema, SpeechRequestSchema } from "./wire";

export const LATENCY_HEADER = "x-test-latency-ms";

export const TestServerOptionsSchema = z.object({
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().default("127.0.0.1"),
  models: z.array(z.string().min(1)).default(["test-chat", "test-transcribe", "test-speech"]),
  /** Defaults for chat replies that set no timing of their own. */
  firstTokenDelayMs: z.number().int().min(0).default(0),
  interTokenDelayMs: z.number().int().min(0).default(0),
  /** What transcription answers for audio it did not synthesise itself and nothing scripted. */
  defaultTranscript: z.string().default(""),
});

export type TestServerOptions = z.input<typeof TestServerOptionsSchema> & {
  /** Replaces the default deterministic chat responder. */
  chatResponder?: ChatResponder;
  /** The clock the default responder resolves "today" and "tomorrow" against. */
  now?: () => Date;
};

export interface OpenAiCompatibleServer {
  /** Base URL for the SDK, ending in /v1. */
  readonly url: string;
  /** Every request, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** The index-th request (0-based), now or when it arrives. */
  waitForRequest(index: number): Promise<RecordedRequest>;
  /** Queues scripted replies; each route named replaces its queue. Unscripted requests get the default responder. */
  setScript(script: ServerScript): void;
  /** Replies still queued, per route. */
  pendingScript(): { chat: number; transcriptions: number; speech: number };
  close(): Promise<void>;
}

type Queues = { [K in keyof ParsedServerScript]-?: NonNullable<ParsedServerScript[K]> };

/**
 * A local server speaking the OpenAI wire format (chat completions with SSE and tool calls, audio
 * transcriptions, audio speech, models) so that the real `openai` SDK runs in tests and demos.
 */
export async function createOpenAiCompatibleServer(input: TestServerOptions = {}): Promise<OpenAiCompatibleServer> {
  const { chatResponder = deterministicChatResponder, now = () => new Date(), ...rest } = input;
  const options = TestServerOptionsSchema.parse(rest);
  const log = new RequestLog();
  const queues: Queues = { chat: [], transcriptions: [], speech: [] };
  /** Audio this server synthesised, by hash of its samples → the text, so a round trip transcribes. */
  const spoken = new Map<string, string>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      sendError(res, 500, `test server fault: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://test").pathname;
    const { entry, close } = log.open(req.method ?? "GET", path, req.headers);
    const goneController = new AbortController();
    res.on("close", () => {
      const finished = res.writableFinished;
      close(finished ? "completed" : "aborted");
      if (!finished) goneController.abort();
    });
    const originalWriteHead = res.writeHead.bind(res);
    res.writeHead = ((status: number, ...args: unknown[]) => {
      entry.status = status;
      return (originalWriteHead as (...a: unknown[]) => ServerResponse)(status, ...args);
    }) as typeof res.writeHead;
    const gone = goneController.signal;
    const latencyMs = latencyHeader(req);
    const route = `${req.method} ${path}`;

    if (route === "GET /v1/models") {
      entry.body = null;
      sendJson(res, 200, {
        object: "list",
        data: options.models.map((id) => ({ id, object: "model", created: 0, owned_by: "voxchart-test" })),
      });
      return;
    }
    if (route === "POST /v1/chat/completions") return chat(req, res, entry, gone, latencyMs);
    if (route === "POST /v1/audio/transcriptions") return transcription(req, res, entry, gone, latencyMs);
    if (route === "POST /v1/audio/speech") return speech(req, res, entry, gone, latencyMs);
    await readBody(req);
    sendError(res, 404, `no route ${route} on the test server`);
  }

  async function chat(req: IncomingMessage, res: ServerResponse, entry: RecordedRequest, gone: AbortSignal, latencyMs: number | undefined): Promise<void> {
    const json = await readJson(req, res, entry);
    if (json === undefined) return;
    const parsed = ChatRequestSchema.safeParse(json);
    if (!parsed.success) return sendError(res, 400, z.prettifyError(parsed.error));
    const step = queues.chat.shift() ?? ChatStepSchema.parse(chatResponder(parsed.data, now()));
    if (step.type === "error") return scriptedError(res, step, gone, latencyMs);
    if (step.type === "hang") return untilAborted(gone);
    await writeChatReply(step, {
      res,
      request: parsed.data,
      requestId: entry.id,
      gone,
      latencyMs,
      defaults: { firstTokenDelayMs: options.firstTokenDelayMs, interTokenDelayMs: options.interTokenDelayMs },
    });
  }

  async function transcription(req: IncomingMessage, res: ServerResponse, entry: RecordedRequest, gone: AbortSignal, latencyMs: number | undefined): Promise<void> {
    const body = await readBody(req);
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
    } catch {
      return sendError(res, 400, "expected a multipart/form-data body");
    }
    const file = form.get("file");
    const model = form.get("model");
    const format = form.get("response_format") ?? "json";
    entry.body = {
      model,
      response_format: format,
      language: form.get("language"),
      prompt: form.get("prompt"),
      file: file instanceof Blob ? { name: file instanceof File ? file.name : undefined, type: file.type, bytes: file.size } : null,
    };
    if (!(file instanceof Blob)) return sendError(res, 400, "the form needs a `file` field");
    if (typeof model !== "string" || model === "") return sendError(res, 400, "the form needs a `model` field");
    const audio = new Uint8Array(await file.arrayBuffer());
    const step = TranscriptionStepSchema.parse(queues.transcriptions.shift() ?? { type: "text", text: recognise(audio) });
    if (step.type === "error") return scriptedError(res, step, gone, latencyMs);
    if (step.type === "hang") return untilAborted(gone);
    if (!(await delay(latencyMs ?? step.delayMs ?? 0, gone))) return;
    if (format === "text") {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end(step.text);
      return;
    }
    sendJson(res, 200, { text: step.text });
  }

  function recognise(audio: Uint8Array): string {
    const samples = parseWav(audio)?.data ?? audio;
    return spoken.get(hashOf(samples)) ?? options.defaultTranscript;
  }

  async function speech(req: IncomingMessage, res: ServerResponse, entry: RecordedRequest, gone: AbortSignal, latencyMs: number | undefined): Promise<void> {
    const json = await readJson(req, res, entry);
    if (json === undefined) return;
    const parsed = SpeechRequestSchema.safeParse(json);
    if (!parsed.success) return sendError(res, 400, z.prettifyError(parsed.error));
    const step = queues.speech.shift() ?? SpeechStepSchema.parse({ type: "audio" });
    if (step.type === "error") return scriptedError(res, step, gone, latencyMs);
    if (step.type === "hang") return untilAborted(gone);
    const missing = missingSpeechPrograms();
    if (missing.length > 0) {
      return sendError(res, 500, `the test server synthesises speech with ${missing.join(" and ")}, which is not installed (apt-get install ${missing.join(" ")})`);
    }
    if (!(await delay(latencyMs ?? step.firstByteDelayMs ?? 0, gone))) return;
    const text = step.text ?? parsed.data.input;
    const format = parsed.data.response_format;
    const pipeline = startSynthesis(text, { voice: parsed.data.voice, speed: parsed.data.speed, format });
    gone.addEventListener("abort", () => pipeline.kill(), { once: true });

    const collected: Buffer[] = [];
    let headersSent = false;
    const pace = step.chunkBytes === undefined ? undefined : { bytes: step.chunkBytes, delayMs: step.chunkDelayMs ?? 0 };
    let pending = Buffer.alloc(0);
    try {
      for await (const piece of pipeline.audio) {
        const buffer = piece as Buffer;
        collected.push(buffer);
        if (format === "wav") continue;
        if (!headersSent) {
          res.writeHead(200, { "content-type": "audio/pcm", "x-sample-rate": "24000" });
          headersSent = true;
        }
        if (!pace) {
          res.write(buffer);
          continue;
        }
        pending = Buffer.concat([pending, buffer]);
        while (pending.length >= pace.bytes) {
          res.write(pending.subarray(0, pace.bytes));
          pending = pending.subarray(pace.bytes);
          if (!(await delay(pace.delayMs, gone))) return;
        }
      }
      await pipeline.done;
    } catch (error) {
      if (gone.aborted) return;
      if (!headersSent) return sendError(res, 500, `speech synthesis failed: ${error instanceof Error ? error.message : String(error)}`);
      res.destroy();
      return;
    }
    if (gone.aborted) return;
    const all = Buffer.concat(collected);
    if (format === "wav") {
      const wav = fixWavSizes(all);
      spoken.set(hashOf(parseWav(wav)?.data ?? wav), text);
      res.writeHead(200, { "content-type": "audio/wav", "content-length": wav.length });
      res.end(wav);
      return;
    }
    spoken.set(hashOf(all), text);
    if (!headersSent) res.writeHead(200, { "content-type": "audio/pcm", "x-sample-rate": "24000" });
    res.end(pending);
  }

  async function readJson(req: IncomingMessage, res: ServerResponse, entry: RecordedRequest): Promise<unknown> {
    const body = await readBody(req);
    try {
      const json: unknown = JSON.parse(body.toString("utf8"));
      entry.body = json;
      return json;
    } catch {
      entry.body = body.toString("utf8");
      sendError(res, 400, "the body is not JSON");
      return undefined;
    }
  }

  async function scriptedError(
    res: ServerResponse,
    step: { status: number; message: string; retryAfterMs?: number | undefined },
    gone: AbortSignal,
    latencyMs: number | undefined,
  ): Promise<void> {
    if (!(await delay(latencyMs ?? 0, gone))) return;
    sendError(res, step.status, step.message, step.retryAfterMs === undefined ? {} : { "retry-after-ms": String(step.retryAfterMs) });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}/v1`,
    requests: log.entries,
    waitForRequest: (index) => log.waitFor(index),
    setScript: (script) => {
      const parsed = ServerScriptSchema.parse(script);
      if (parsed.chat) queues.chat = [...parsed.chat];
      if (parsed.transcriptions) queues.transcriptions = [...parsed.transcriptions];
      if (parsed.speech) queues.speech = [...parsed.speech];
    },
    pendingScript: () => ({ chat: queues.chat.length, transcriptions: queues.transcriptions.length, speech: queues.speech.length }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function latencyHeader(req: IncomingMessage): number | undefined {
  const raw = req.headers[LATENCY_HEADER];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function hashOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

import { parseArgs } from "node:util";
import { z } from "zod";
import { createRuntimeServer, type RuntimeServer } from "./create-runtime-server";
import { loadToolsModule } from "./load-tools";
import { RuntimeServerConfigSchema, type RuntimeServerConfig } from "./runtime-server-config";

export const SERVE_HELP = `Usage: voxchart serve <flow.json> [options]

Serves a flow as a voice agent: the Pipecat WebSocket transport on /ws (what
@pipecat-ai/client-js connects to), a JSON text channel on /text, POST /start (a
session token; {"token": "..."} resumes a dropped session), GET /health, and
GET/POST /admin/flow to deploy another flow or version while running. Sessions
are saved after every turn, so a client can reconnect with its token, on this
process or any other one sharing the database, until the session limit.

Options:
  -p, --port <n>              port to listen on (default 7860; 0 = any free port)
      --host <address>        address to bind (default 127.0.0.1; 0.0.0.0 = all)
  -t, --tier <1-4>            1 sequential, 2 streaming with VAD, 3 streamed LLM to
                              TTS with barge-in, 4 full duplex (default 3)
      --vad <energy|silero>   voice activity detection (default energy)
      --stt <pocketsphinx|openai>   speech to text (default pocketsphinx)
      --tts <espeak|openai>   text to speech (default espeak)
      --llm <local|openai>    understanding and generation (default local: no
                              network, no key)
      --model <name>          chat model for --llm openai (default gpt-4o-mini)
      --stt-model <name>      for --stt openai (default gpt-4o-mini-transcribe)
      --tts-model <name>      for --tts openai (default gpt-4o-mini-tts)
      --voice <name>          for --tts openai (default alloy)
      --base-url <url>        OpenAI-compatible endpoint (default OPENAI_BASE_URL);
                              the key comes from OPENAI_API_KEY
      --db <url|path|memory>  where sessions persist: a SQLite file, postgres://...,
                              or memory (default DATABASE_URL, VOXCHART_DB, then
                              ./voxchart.db)
      --max-session <time>    session limit across reconnects: 90s, 15m, 1h or
                              milliseconds (default 30m)
      --resume-window <time>  how long after its last turn a dropped session can
                              resume (default 10m)
      --tools <module>        a JS/TS module whose exported functions are the tools
      --admin-token <token>   required by /admin routes as "authorization: Bearer
                              <token>" (default VOXCHART_ADMIN_TOKEN; without one
                              they answer local clients only)
      --ws-url <url>          the WebSocket URL POST /start hands out (behind a
                              proxy or TLS)
  -h, --help                  show this help

Examples:
  $ voxchart serve examples/restaurant/restaurant.flow.json --tools examples/restaurant/restaurant.tools.ts
  $ voxchart serve booking.flow.json --tier 2 --port 8080 --max-session 10m
  $ DATABASE_URL=postgres://voxchart@db/voxchart voxchart serve booking.flow.json --host 0.0.0.0
  $ OPENAI_API_KEY=... voxchart serve booking.flow.json --llm openai --stt openai --tts openai

Exit status: 0 after SIGINT/SIGTERM (sessions are saved first), 1 when the server
cannot start (flow errors, database, port), 2 for a usage error.`;

export interface ServeIo {
  out(line: string): void;
  err(line: string): void;
  /** Default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default process.cwd(). */
  readonly cwd?: string;
  /** Stops the server (tests); without it SIGINT and SIGTERM do. */
  readonly signal?: AbortSignal;
  /** Called once the server listens (tests). */
  onListening?(server: RuntimeServer): void;
}

const defaultIo: ServeIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

class UsageError extends Error {}

/** "90s", "15m", "1h", "500ms" or plain milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new UsageError(`${flag} takes a duration such as 90s, 15m, 1h or milliseconds; got "${text}"`);
  const value = Number(match[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? "ms"]!;
  if (!Number.isInteger(Math.round(value)) || value < 1) throw new UsageError(`${flag} must be positive`);
  return Math.round(value);
}

function integer(text: string, flag: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`${flag} takes a whole number from ${min} to ${max}; got "${text}"`);
  return n;
}

function choice<T extends string>(text: string | undefined, flag: string, options: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!options.includes(text as T)) throw new UsageError(`${flag} takes one of ${options.join(", ")}; got "${text}"`);
  return text as T;
}

/** Turns `voxchart serve` arguments into the server's configuration (tools excepted). */
export function parseServeArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): { help: true } | { help: false; config: RuntimeServerConfig; tools?: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: "string", short: "p" },
        host: { type: "string" },
        tier: { type: "string", short: "t" },
        vad: { type: "string" },
        stt: { type: "string" },
        tts: { type: "string" },
        llm: { type: "string" },
        model: { type: "string" },
        "stt-model": { type: "string" },
        "tts-model": { type: "string" },
        voice: { type: "string" },
        "base-url": { type: "string" },
        db: { type: "string" },
        "max-session": { type: "string" },
        "resume-window": { type: "string" },
        tools: { type: "string" },
        "admin-token": { type: "string" },
        "ws-url": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { help: true };
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "name the flow file to serve" : `serve takes one flow file; got ${positionals.length}: ${positionals.join(" ")}`);
  const tier = v.tier === undefined ? undefined : (integer(v.tier, "--tier", 1, 4) as 1 | 2 | 3 | 4);
  const adminToken = v["admin-token"] ?? (env["VOXCHART_ADMIN_TOKEN"]?.trim() || undefined);
  const config: RuntimeServerConfig = {
    flow: positionals[0]!,
    ...(v.port !== undefined ? { port: integer(v.port, "--port", 0, 65535) } : {}),
    ...(v.host !== undefined ? { host: v.host } : {}),
    ...(tier !== undefined ? { tier } : {}),
    ...(v.vad !== undefined ? { vad: choice(v.vad, "--vad", ["energy", "silero"] as const)! } : {}),
    ...(v.stt !== undefined ? { stt: choice(v.stt, "--stt", ["pocketsphinx", "openai"] as const)! } : {}),
    ...(v.tts !== undefined ? { tts: choice(v.tts, "--tts", ["espeak", "openai"] as const)! } : {}),
    ...(v.llm !== undefined ? { llm: choice(v.llm, "--llm", ["local", "openai"] as const)! } : {}),
    openai: {
      ...(v.model !== undefined ? { model: v.model } : {}),
      ...(v["stt-model"] !== undefined ? { sttModel: v["stt-model"] } : {}),
      ...(v["tts-model"] !== undefined ? { ttsModel: v["tts-model"] } : {}),
      ...(v.voice !== undefined ? { voice: v.voice } : {}),
      ...(v["base-url"] !== undefined ? { baseURL: v["base-url"] } : {}),
    },
    ...(v.db !== undefined ? { database: v.db } : {}),
    ...(v["max-session"] !== undefined ? { maxSessionMs: parseDuration(v["max-session"], "--max-session") } : {}),
    ...(v["resume-window"] !== undefined ? { resumeWindowMs: parseDuration(v["resume-window"], "--resume-window") } : {}),
    ...(adminToken !== undefined ? { adminToken } : {}),
    ...(v["ws-url"] !== undefined ? { wsUrl: v["ws-url"] } : {}),
    env: { ...env },
  };
  const checked = RuntimeServerConfigSchema.safeParse(config);
  if (!checked.success) throw new UsageError(checked.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`).join("; "));
  return { help: false, config, ...(v.tools !== undefined ? { tools: v.tools } : {}) };
}

/**
 * `voxchart serve <flow> [options]`: starts the runtime server and runs until SIGINT/SIGTERM
 * (or io.signal), then closes it. Resolves with the exit code.
 */
export async function runServe(argv: readonly string[], io: ServeIo = defaultIo): Promise<number> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  let args: ReturnType<typeof parseServeArgs>;
  try {
    args = parseServeArgs(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof z.ZodError)) throw error;
    io.err(`voxchart serve: ${error.message}`);
    io.err('(run "voxchart serve --help" for usage)');
    return 2;
  }
  if (args.help) {
    io.out(SERVE_HELP);
    return 0;
  }

  let server: RuntimeServer;
  try {
    const tools = args.tools !== undefined ? await loadToolsModule(args.tools, cwd) : undefined;
    server = await createRuntimeServer({ ...args.config, cwd, log: io.out, ...(tools ? { tools } : {}) });
  } catch (error) {
    io.err(`voxchart serve: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  io.onListening?.(server);

  await new Promise<void>((resolve) => {
    if (io.signal) {
      if (io.signal.aborted) return resolve();
      io.signal.addEventListener("abort", () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  io.out(`${new Date().toISOString()} runtime shutting down (${server.sessions().length} live sessions are saved)`);
  await server.close();
  return 0;
}

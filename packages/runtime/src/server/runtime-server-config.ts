import type { ToolRegistry } from "@voxchart/engine";
import type { CompiledFlow } from "@voxchart/flow";
import { z } from "zod";
import type { RuntimeSessionStore } from "../store";
import { TierSchema } from "../voice";

const isFunction = (value: unknown) => typeof value === "function";

const CompiledFlowSchema = z.custom<CompiledFlow>(
  (value) => typeof value === "object" && value !== null && "machine" in value && "flow" in value && "nodes" in value,
  "expected a compiled flow (compileFlow(flow).compiled) or the path of a flow file",
);

export const OpenAiSettingsSchema = z.object({
  /** Default: OPENAI_BASE_URL, then the SDK's default. */
  baseURL: z.string().url().optional(),
  /** Default: OPENAI_API_KEY (a local server needs none). */
  apiKey: z.string().min(1).optional(),
  /** The chat model for understanding and generation (llm: "openai"). */
  model: z.string().min(1).default("gpt-4o-mini"),
  /** The transcription model (stt: "openai"). */
  sttModel: z.string().min(1).default("gpt-4o-mini-transcribe"),
  /** The speech model and voice (tts: "openai"). */
  ttsModel: z.string().min(1).default("gpt-4o-mini-tts"),
  voice: z.string().min(1).default("alloy"),
  timeoutMs: z.number().int().positive().optional(),
});
export type OpenAiSettings = z.infer<typeof OpenAiSettingsSchema>;

export const RuntimeServerConfigSchema = z.object({
  /** A compiled flow, or a flow file (checked and compiled; subflows resolved relative to it). */
  flow: z.union([z.string().min(1), CompiledFlowSchema]),
  /** The pipeline tier: 1 sequential, 2 streaming, 3 streamed LLM→TTS with barge-in, 4 full duplex. */
  tier: TierSchema.default(3),
  vad: z.enum(["energy", "silero"]).default("energy"),
  stt: z.enum(["pocketsphinx", "openai"]).default("pocketsphinx"),
  tts: z.enum(["espeak", "openai"]).default("espeak"),
  /** Understanding and generation: the embedded deterministic ones, or an OpenAI-compatible model. */
  llm: z.enum(["local", "openai"]).default("local"),
  openai: OpenAiSettingsSchema.default(OpenAiSettingsSchema.parse({})),
  /**
   * Where sessions persist: "memory" (this process only), a SQLite path or file: URL, or a
   * postgres:// URL. Default: DATABASE_URL, then VOXCHART_DB, then ./voxchart.db.
   */
  database: z.string().min(1).optional(),
  /** A ready store (tests); wins over `database`. The server does not close a store it was given. */
  store: z.custom<RuntimeSessionStore>((value) => typeof value === "object" && value !== null && "begin" in value && "load" in value).optional(),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65535).default(7860),
  host: z.string().min(1).default("127.0.0.1"),
  /** A session ends this long after it began, across reconnects and processes. */
  maxSessionMs: z.number().int().positive().default(30 * 60 * 1000),
  /** How long after its last turn a dropped session can still be resumed. */
  resumeWindowMs: z.number().int().positive().default(10 * 60 * 1000),
  /** Required as `authorization: Bearer <token>` by /admin routes; without it they answer loopback clients only. */
  adminToken: z.string().min(8).optional(),
  /** The WebSocket URL POST /start hands out (behind a proxy or TLS); default ws://<Host>/ws. */
  wsUrl: z.string().min(1).optional(),
  cors: z.union([z.literal("*"), z.array(z.string().min(1))]).default("*"),
  tools: z.custom<ToolRegistry>((value) => typeof value === "object" && value !== null).optional(),
  /** Where the one-line-per-session log goes; default stdout. */
  log: z.custom<(line: string) => void>(isFunction).optional(),
  /** Resolves a relative flow path; default the process's working directory. */
  cwd: z.string().min(1).optional(),
  /** Environment for OPENAI_* (default process.env). */
  env: z.record(z.string(), z.string().optional()).optional(),
});
export type RuntimeServerConfig = z.input<typeof RuntimeServerConfigSchema>;
export type ResolvedRuntimeServerConfig = z.output<typeof RuntimeServerConfigSchema>;

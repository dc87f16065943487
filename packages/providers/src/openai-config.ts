import OpenAI from "openai";
import { z } from "zod";
import { ProviderError } from "@voxchart/engine";
import { DEFAULT_RETRY_BASE_DELAY_MS, DEFAULT_RETRY_MAX_DELAY_MS, type RetryPolicy } from "./retry";

/** The SDK's fetch option, so tests and proxies can supply their own. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export const OpenAiConfigSchema = z.object({
  model: z.string().min(1),
  /** Defaults to OPENAI_BASE_URL, then the SDK's own default. */
  baseURL: z.url().optional(),
  /** Defaults to OPENAI_API_KEY; a placeholder is used for local servers that need none. */
  apiKey: z.string().optional(),
  /** Per attempt: time allowed until the first token (streams) or the whole response. */
  timeoutMs: z.number().int().positive().default(10_000),
  /** Retries of retryable failures, before the first token only. */
  maxRetries: z.number().int().min(0).max(10).default(2),
  retryBaseDelayMs: z.number().int().min(0).default(DEFAULT_RETRY_BASE_DELAY_MS),
  retryMaxDelayMs: z.number().int().min(0).default(DEFAULT_RETRY_MAX_DELAY_MS),
});
export type OpenAiConfigInput = z.input<typeof OpenAiConfigSchema> & { fetch?: FetchFunction };
export type OpenAiConfig = z.output<typeof OpenAiConfigSchema> & { fetch?: FetchFunction };

export type Env = Readonly<Record<string, string | undefined>>;

/** Validates the config and fills baseURL and apiKey from the environment when absent. */
export function resolveOpenAiConfig(input: OpenAiConfigInput, env: Env = process.env): OpenAiConfig {
  const { fetch, ...rest } = input;
  const baseURL = rest.baseURL ?? nonEmpty(env["OPENAI_BASE_URL"]);
  const apiKey = rest.apiKey ?? nonEmpty(env["OPENAI_API_KEY"]);
  const parsed = OpenAiConfigSchema.parse({
    ...rest,
    ...(baseURL === undefined ? {} : { baseURL }),
    ...(apiKey === undefined ? {} : { apiKey }),
  });
  return fetch === undefined ? parsed : { ...parsed, fetch };
}

export function retryPolicyOf(config: OpenAiConfig): RetryPolicy {
  return { maxRetries: config.maxRetries, baseDelayMs: config.retryBaseDelayMs, maxDelayMs: config.retryMaxDelayMs };
}

/**
 * The SDK client. Its own retries are off (we retry only before the first token, with our
 * backoff) and its timeout is a backstop: our first-token timer is the one that matters.
 */
export function createOpenAiClient(config: OpenAiConfig): OpenAI {
  if (config.apiKey === undefined && config.baseURL === undefined) {
    throw new ProviderError("provider/missing-api-key", "set apiKey or OPENAI_API_KEY (or a baseURL for a local server)", {
      retryable: false,
    });
  }
  return new OpenAI({
    // Local OpenAI-compatible servers accept any key; the SDK refuses to start without one.
    apiKey: config.apiKey ?? "not-needed",
    ...(config.baseURL === undefined ? {} : { baseURL: config.baseURL }),
    maxRetries: 0,
    timeout: Math.max(config.timeoutMs * 4, 30_000),
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

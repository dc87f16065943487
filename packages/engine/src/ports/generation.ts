import type { ParsedIntent } from "@voxchart/flow";
import type { SlotValue } from "./understanding";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface GenerateRequest {
  /** System prompt: the node's role and task, rendered. */
  system: string;
  /** The conversation so far, holding only what the user actually heard of the assistant. */
  messages: readonly ChatMessage[];
  /** The node's exits, offered to the model as functions (name, description, typed arguments). */
  exits: readonly ParsedIntent[];
  /** What the offline model says when no exit applies (the node's localReply, rendered). */
  localReply?: string;
  model?: string;
  temperature?: number;
  /** Aborted on barge-in or session end; implementations must stop work and close streams. */
  signal: AbortSignal;
}

export type GenerateChunk =
  | { type: "text"; text: string }
  | { type: "exit"; name: string; arguments: Record<string, SlotValue> };

/** A language model that streams text tokens or calls one of the node's exits. */
export interface GenerationPort {
  readonly name: string;
  generate(request: GenerateRequest): AsyncIterable<GenerateChunk>;
}

/** Provider faults carry whether a retry can help. */
export class ProviderError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly status: number | undefined;
  constructor(code: string, message: string, options: { retryable: boolean; status?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "ProviderError";
    this.code = code;
    this.retryable = options.retryable;
    this.status = options.status;
  }
}

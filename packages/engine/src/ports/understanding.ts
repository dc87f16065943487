import type { ParsedIntent, ParsedSlot } from "@voxchart/flow";

/** A value extracted for a slot: numbers for number/integer, booleans for yes/no, strings otherwise (ISO date "2026-11-27", time "19:00"). */
export type SlotValue = string | number | boolean;

export interface UnderstandRequest {
  /** What the user said or typed (a final transcript). */
  text: string;
  /** Intents that may match here: the node's exits and the active global handlers. */
  intents: readonly ParsedIntent[];
  /** Slots the node is collecting; values for any of them may appear in one utterance. */
  slots: readonly ParsedSlot[];
  /** The node just asked a yes/no confirmation question. */
  expectConfirmation: boolean;
  /** The slot the node asked for last, to read bare answers ("four") as that slot. */
  focusSlot?: string;
  /** "Now" on the session's clock, for relative dates and times. */
  now: Date;
  signal?: AbortSignal;
}

export interface IntentMatch {
  name: string;
  /** 0..1; the local matcher's score, or the model's. */
  confidence: number;
  /** Values for the intent's typed arguments found in the same utterance. */
  arguments: Record<string, SlotValue>;
}

export interface UnderstandResult {
  intent: IntentMatch | null;
  /** Raw extracted slot values, not yet checked against constraints. */
  slots: Record<string, SlotValue>;
  /** An answer to a yes/no confirmation, when one was expected and heard. */
  confirmation: "yes" | "no" | null;
}

/** Turns an utterance into intents and slot values. Local deterministic or model-backed. */
export interface UnderstandingPort {
  readonly name: string;
  understand(request: UnderstandRequest): Promise<UnderstandResult>;
}

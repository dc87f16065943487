import type { JsonValue } from "../schema";

/** A slot value as understanding returns it. */
export type SlotValue = string | number | boolean;

/** The context of a compiled flow machine: business state only, nothing of audio or timing. */
export interface FlowContext {
  /** Variables by scope: "" is the root flow, a subflow node's qualified id is its child's scope. */
  scopes: Record<string, Record<string, JsonValue>>;
  /** The qualified id of the active node ("verify/ask_dob" inside a subflow). */
  nodeId: string;
  /** Failed attempts in the active node. */
  attempts: { noMatch: number; noInput: number };
  /** User turns spent in the active node (conversation nodes' maxTurns). */
  turns: number;
  /** What the assistant said last, for the repeat handler. */
  lastSaid: string | null;
  /** The question the node asked last, repeated after a failed attempt. */
  question: string | null;
  /** Session "now" in ms since epoch, set by the driver on every event (templates use it). */
  now: number;
}

/** Events the driver sends into a compiled flow. */
export type FlowEvent =
  /** An understood user turn. Slot values are already validated; rejected ones are listed. */
  | {
      type: "INPUT";
      text: string;
      intent: { name: string; arguments: Record<string, SlotValue> } | null;
      slots: Record<string, SlotValue>;
      invalid: { slot: string; value: SlotValue; reason: string }[];
      confirmation: "yes" | "no" | null;
      now?: number;
    }
  /** A conversation node's model answered in text (already spoken by the driver). */
  | { type: "REPLY"; text: string; now?: number }
  | { type: "NO_INPUT"; now?: number }
  | { type: "TOOL_RESULT"; ok: boolean; result: JsonValue; now?: number };

/** What an actor of a compiled flow takes as input: when the conversation starts (ms since the epoch). */
export interface FlowActorInput {
  now?: number;
}

/** What a compiled flow asks of its driver; emitted as XState emitted events. */
export type FlowEmitted =
  | { type: "say"; nodeId: string; text: string }
  | { type: "enter"; nodeId: string; previousNodeId: string | null }
  /** An edge was taken (qualified id); for coverage and the builder's trace. */
  | { type: "edge"; edgeId: string }
  /** A global handler fired (qualified id). */
  | { type: "global"; handlerId: string }
  | { type: "tool"; nodeId: string; name: string; target: ToolInvocationTarget; args: Record<string, JsonValue>; timeoutMs: number; progressMessage: string | null }
  | { type: "generate"; nodeId: string }
  | { type: "transfer"; nodeId: string; target: string; handoff: string | null }
  | { type: "end"; nodeId: string; outcome: string | null };

export type ToolInvocationTarget =
  | { type: "function"; name: string }
  | { type: "http"; url: string; method: string; headers: Record<string, string> };

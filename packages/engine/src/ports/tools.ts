import type { JsonValue } from "@voxchart/flow";

export interface ToolCall {
  /** The tool node that called it. */
  nodeId: string;
  name: string;
  args: Record<string, JsonValue>;
  signal: AbortSignal;
}

/** A registered function a tool node may call by name. Throw (or reject) to take the error exit. */
export type ToolFunction = (args: Record<string, JsonValue>, call: ToolCall) => Promise<JsonValue> | JsonValue;

export type ToolRegistry = Readonly<Record<string, ToolFunction>>;

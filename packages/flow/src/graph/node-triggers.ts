import type { NodeKind, TriggerType } from "../schema";

/**
 * Which triggers a node of each kind can fire. An edge with any other trigger never fires.
 * say: intent edges make it wait for input, which also enables noInput/noMatch.
 */
const ALLOWED: Record<NodeKind, readonly TriggerType[]> = {
  say: ["always", "condition", "intent", "noInput", "noMatch"],
  collect: ["filled", "noInput", "noMatch", "intent"],
  conversation: ["intent", "noMatch", "noInput"],
  decide: ["condition", "always"],
  tool: ["toolResult"],
  transfer: [],
  subflow: ["always"],
  end: [],
};

export function allowedTriggers(kind: NodeKind): readonly TriggerType[] {
  return ALLOWED[kind];
}

/** Transfer and end finish the conversation: nothing leaves them. */
export function isTerminalKind(kind: NodeKind): boolean {
  return kind === "transfer" || kind === "end";
}

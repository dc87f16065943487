import type { TriggerType } from "@voxchart/flow";
import { allowedTriggers } from "../lib/flow-api";
import type { DocEdge, DocTrigger, NodeKind } from "./flow-types";

/** The order in which a new edge from a node of each kind picks its trigger. */
const PREFERENCE: Record<NodeKind, readonly TriggerType[]> = {
  say: ["always", "intent", "noInput", "noMatch", "condition"],
  collect: ["filled", "noInput", "noMatch", "intent"],
  conversation: ["intent", "noMatch", "noInput"],
  decide: ["condition", "always"],
  tool: ["toolResult"],
  transfer: [],
  subflow: ["always"],
  end: [],
};

function makeTrigger(type: TriggerType, taken: readonly DocTrigger[], targetId: string): DocTrigger {
  switch (type) {
    case "intent": {
      const base = targetId.replace(/[^A-Za-z0-9_]/g, "_").replace(/^[^A-Za-z]+/, "") || "intent";
      let name = base;
      for (let i = 2; taken.some((t) => t.type === "intent" && t.intent.name === name); i++) name = `${base}_${i}`;
      return { type: "intent", intent: { name, examples: [name.replace(/_/g, " ")] } };
    }
    case "condition":
      return { type: "condition", when: "true" };
    case "toolResult":
      return { type: "toolResult", result: taken.some((t) => t.type === "toolResult" && t.result === "success") ? "error" : "success" };
    case "filled":
      return { type: "filled" };
    case "noInput":
      return { type: "noInput" };
    case "noMatch":
      return { type: "noMatch" };
    case "always":
      return { type: "always" };
  }
}

/** Single-use triggers: a second edge with the same one would never fire. */
function isUsed(type: TriggerType, taken: readonly DocTrigger[]): boolean {
  if (type === "intent" || type === "condition") return false;
  if (type === "toolResult") return taken.filter((t) => t.type === "toolResult").length >= 2;
  return taken.some((t) => t.type === type);
}

/**
 * The trigger a new edge from a node of `kind` gets when the author drags a connection: the
 * first of the kind's usual triggers that the node does not use yet. Null when nothing may
 * leave the node (transfer, end).
 */
export function defaultTrigger(kind: NodeKind, outgoing: readonly DocEdge[], targetId: string): DocTrigger | null {
  const allowed = allowedTriggers(kind);
  if (allowed.length === 0) return null;
  const taken = outgoing.map((e) => e.trigger);
  const order = PREFERENCE[kind].filter((t) => allowed.includes(t));
  const free = order.find((t) => !isUsed(t, taken));
  const type = free ?? order.find((t) => t === "intent" || t === "condition") ?? order[0];
  return type ? makeTrigger(type, taken, targetId) : null;
}

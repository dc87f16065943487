import type { DocEdge, DocNode } from "./flow-types";
import { triggerLabel } from "./trigger-label";

export interface NodeSummary {
  /** The main line: what the node says or does. */
  headline: string;
  /** Extra facts shown as small rows (slots, tool name, target…). */
  details: string[];
}

const clip = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What a node card shows: the essentials of each kind, never the whole document. */
export function summarizeNode(node: DocNode, outgoing: readonly DocEdge[] = [], flowNames: ReadonlyMap<string, string> = new Map()): NodeSummary {
  const exits = outgoing.map((e) => triggerLabel(e.trigger));
  switch (node.kind) {
    case "say":
      return { headline: clip(node.text), details: [] };
    case "collect":
      return {
        headline: clip(node.prompt),
        details: [
          ...node.slots.map((s) => `${s.name}: ${s.type}${s.required === false ? "?" : ""}`),
          ...(node.confirm ? [`confirm: ${clip(node.confirm, 40)}`] : []),
        ],
      };
    case "conversation":
      return {
        headline: clip(node.task),
        details: [...(node.opening ? [`opens: ${clip(node.opening, 50)}`] : []), ...(exits.length ? [`exits: ${exits.join(", ")}`] : [])],
      };
    case "decide":
      return {
        headline: exits.length ? "Branches on conditions" : "No branches yet",
        details: outgoing.map((e) => (e.trigger.type === "condition" ? `if ${clip(e.trigger.when, 50)}` : "otherwise")),
      };
    case "tool":
      return {
        headline: node.tool.type === "function" ? `${node.tool.name}()` : `${node.tool.method ?? "POST"} ${clip(node.tool.url, 50)}`,
        details: [
          ...Object.keys(node.args ?? {}).map((name) => `arg ${name}`),
          ...(node.resultVariable ? [`→ ${node.resultVariable}`] : []),
        ],
      };
    case "transfer":
      return { headline: `→ ${node.target}`, details: node.message ? [clip(node.message, 60)] : [] };
    case "subflow":
      return { headline: `runs: ${flowNames.get(node.flow) ?? node.flow}`, details: [] };
    case "end":
      return { headline: node.message ? clip(node.message) : "End of conversation", details: node.outcome ? [`outcome: ${node.outcome}`] : [] };
  }
}

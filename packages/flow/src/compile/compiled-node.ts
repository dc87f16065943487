import type { Flow, ParsedEdge, ParsedIntent, ParsedNode, ParsedSlot, BargeInPolicy, LatencyBudgets } from "../schema";

/** Timing and turn-taking settings of one node, with the flow's defaults applied. */
export interface NodeSettings {
  latencyBudgetMs: number;
  noInputTimeoutMs: number;
  maxAttempts: number;
  fillers: string[];
  bargeIn: BargeInPolicy;
  onInterrupt: "next-turn" | "resume" | "reask";
  backchannels: boolean;
  budgets: LatencyBudgets;
}

/** Everything the driver needs to know about a node, precomputed once at compile time. */
export interface CompiledNode {
  /** Qualified id: the node id, prefixed by the subflow node ids that contain it ("verify/ask_dob"). */
  id: string;
  /** The id inside its own flow document. */
  localId: string;
  /** The variable scope the node reads and writes ("" for the root flow). */
  scope: string;
  node: ParsedNode;
  /** The flow document the node belongs to (the root flow or a subflow). */
  flow: Flow;
  /** Outgoing edges in document order. */
  edges: ParsedEdge[];
  /** Intents on this node's exits. */
  exits: ParsedIntent[];
  /** Global handlers' intents active here, outermost flow last. */
  globals: ParsedIntent[];
  /** Slots the node collects (collect nodes) — understanding extracts these. */
  slots: ParsedSlot[];
  /** Whether the node stops and waits for the user (say with intent exits, collect, conversation). */
  waitsForInput: boolean;
  settings: NodeSettings;
}

export function nodeSettings(flow: Flow, node: ParsedNode, maxAttempts?: number): NodeSettings {
  const s = flow.settings;
  return {
    latencyBudgetMs: node.latencyBudgetMs ?? s.latencyBudgetMs,
    noInputTimeoutMs: node.noInputTimeoutMs ?? s.noInputTimeoutMs,
    maxAttempts: maxAttempts ?? s.maxAttempts,
    fillers: node.fillers ?? s.fillers,
    bargeIn: node.bargeIn ?? s.bargeIn,
    onInterrupt: node.onInterrupt ?? s.onInterrupt,
    backchannels: node.backchannels ?? s.backchannels,
    budgets: { ...s.budgets, ...node.budgets },
  };
}

export function nodeWaitsForInput(node: ParsedNode, edges: readonly ParsedEdge[]): boolean {
  switch (node.kind) {
    case "collect":
    case "conversation":
      return true;
    case "say":
      return edges.some((e) => e.trigger.type === "intent");
    default:
      return false;
  }
}

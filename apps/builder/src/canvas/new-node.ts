import type { DocNode, FlowDoc, NodeKind, XY } from "./flow-types";

/** Palette order and the names authors see. */
export const PALETTE: readonly { kind: NodeKind; title: string; hint: string }[] = [
  { kind: "say", title: "Say", hint: "Speak a message" },
  { kind: "collect", title: "Collect", hint: "Ask for typed slots" },
  { kind: "conversation", title: "Conversation", hint: "LLM task with exits" },
  { kind: "decide", title: "Decide", hint: "Branch on conditions" },
  { kind: "tool", title: "Tool", hint: "Call a function or webhook" },
  { kind: "transfer", title: "Transfer", hint: "Hand off to a person" },
  { kind: "subflow", title: "Subflow", hint: "Run another flow" },
  { kind: "end", title: "End", hint: "Finish the call" },
];

/** A fresh id like `say_3` that no node in the document uses. */
export function uniqueNodeId(doc: FlowDoc, base: string): string {
  const taken = new Set(doc.nodes.map((n) => n.id));
  const clean = base.replace(/[^A-Za-z0-9_-]/g, "_").replace(/^[^A-Za-z]+/, "") || "node";
  if (!taken.has(clean) && /\d$/.test(clean)) return clean;
  for (let i = 1; ; i++) {
    const id = `${clean.replace(/_\d+$/, "")}_${i}`;
    if (!taken.has(id)) return id;
  }
}

/** A fresh id like `e12` that no edge in the document uses. */
export function uniqueEdgeId(doc: FlowDoc, reserved: ReadonlySet<string> = new Set()): string {
  const taken = new Set((doc.edges ?? []).map((e) => e.id));
  for (let i = taken.size + 1; ; i++) {
    const id = `e${i}`;
    if (!taken.has(id) && !reserved.has(id)) return id;
  }
}

/** A new node of `kind` with valid, editable defaults. */
export function createNode(kind: NodeKind, id: string, position: XY): DocNode {
  const base = { id, position };
  switch (kind) {
    case "say":
      return { ...base, kind, text: "Hello! How can I help?" };
    case "collect":
      return { ...base, kind, prompt: "What is your name?", slots: [{ name: "name", type: "text" }] };
    case "conversation":
      return { ...base, kind, task: "Help the caller with their question." };
    case "decide":
      return { ...base, kind };
    case "tool":
      return { ...base, kind, tool: { type: "function", name: "lookup" }, args: {} };
    case "transfer":
      return { ...base, kind, target: "support", message: "Let me connect you to a colleague." };
    case "subflow":
      return { ...base, kind, flow: "other-flow" };
    case "end":
      return { ...base, kind, message: "Goodbye!", outcome: "done" };
  }
}

/** A minimal valid flow a new user starts from. */
export function createStarterFlow(id: string, name: string): FlowDoc {
  return {
    schemaVersion: 1,
    id,
    name,
    start: "greet",
    nodes: [
      { id: "greet", kind: "say", text: "Hello! Thanks for calling.", position: { x: 0, y: 0 } },
      { id: "goodbye", kind: "end", message: "Goodbye!", outcome: "done", position: { x: 0, y: 200 } },
    ],
    edges: [{ id: "e1", from: "greet", to: "goodbye", trigger: { type: "always" } }],
  };
}

/** The first spot at or right of `desired` where a new card overlaps no existing node. */
export function freePosition(doc: FlowDoc, desired: XY, size = { width: 260, height: 120 }, gap = 40): XY {
  const boxes = doc.nodes.flatMap((n) => (n.position ? [n.position] : []));
  const overlaps = (p: XY) => boxes.some((b) => Math.abs(b.x - p.x) < size.width + gap && Math.abs(b.y - p.y) < size.height + gap);
  let p = { ...desired };
  for (let i = 0; i < 50 && overlaps(p); i++) p = { x: p.x + size.width + gap, y: p.y };
  return p;
}

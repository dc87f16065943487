import type { FlowDoc } from "../canvas/flow-types";

/** A small valid flow: greet → ask name (collect) → decide → end / transfer. */
export function sampleFlow(): FlowDoc {
  return {
    schemaVersion: 1,
    id: "sample",
    name: "Sample",
    start: "greet",
    variables: {},
    nodes: [
      { id: "greet", kind: "say", text: "Hello! Welcome.", position: { x: 0, y: 0 } },
      { id: "ask", kind: "collect", prompt: "How many people?", slots: [{ name: "party_size", type: "integer" }], position: { x: 0, y: 150 } },
      { id: "check", kind: "decide", position: { x: 0, y: 300 } },
      { id: "big", kind: "transfer", target: "events", message: "Let me pass you to our events team.", position: { x: -200, y: 450 } },
      { id: "done", kind: "end", message: "See you soon!", outcome: "booked", position: { x: 200, y: 450 } },
      { id: "bye", kind: "end", message: "Goodbye.", outcome: "no-input", position: { x: 400, y: 300 } },
    ],
    edges: [
      { id: "e1", from: "greet", to: "ask", trigger: { type: "always" } },
      { id: "e2", from: "ask", to: "check", trigger: { type: "filled" } },
      { id: "e3", from: "check", to: "big", trigger: { type: "condition", when: "party_size > 8" } },
      { id: "e4", from: "check", to: "done", trigger: { type: "always" } },
      { id: "e5", from: "ask", to: "bye", trigger: { type: "noInput" } },
      { id: "e6", from: "ask", to: "bye", trigger: { type: "noMatch" } },
    ],
  };
}

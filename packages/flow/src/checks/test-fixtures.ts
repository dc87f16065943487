/** Small flows for the checks' tests. Not exported from the package. */
import { FlowSchema, type Edge, type Flow, type FlowInput, type FlowNode, type Intent } from "../schema";

/** A validated flow from a few nodes and edges; throws on schema errors (test fixtures only). */
export function makeFlow(parts: Partial<FlowInput> & { nodes: FlowNode[] }): Flow {
  return FlowSchema.parse({
    schemaVersion: 1,
    id: "test",
    name: "Test",
    start: parts.nodes[0]?.id ?? "start",
    ...parts,
  });
}

export const intent = (name: string, ...examples: string[]): Intent => ({ name, examples });

export const always = (id: string, from: string, to: string): Edge => ({ id, from, to, trigger: { type: "always" } });

export const on = (id: string, from: string, to: string, trigger: Edge["trigger"]): Edge => ({ id, from, to, trigger });

/**
 * A realistic booking flow: collect date/time/party size with a confirmation, a decision on
 * party size, a tool call with both results, an end, and operator/repeat globals with a
 * detour that returns where the caller was.
 */
export function restaurantFlow(): FlowInput {
  return {
    schemaVersion: 1,
    id: "restaurant",
    name: "Restaurant booking",
    start: "greet",
    variables: {
      booking_ref: { type: "string", default: null },
      large_party: { type: "boolean", default: false },
    },
    tools: {
      book_table: {
        parameters: { date: "date", time: "time", party_size: "integer" },
        result: "string",
      },
    },
    globals: [
      { id: "operator", intent: intent("operator", "talk to a person", "operator please"), action: { type: "goto", target: "offer_operator" } },
      { id: "repeat", intent: intent("repeat", "say that again", "pardon"), action: { type: "repeat" } },
      { id: "goodbye", intent: intent("goodbye", "bye", "never mind"), action: { type: "end", text: "Goodbye!" } },
    ],
    nodes: [
      { id: "greet", kind: "say", text: "Welcome to Chez Voxchart." },
      {
        id: "ask_booking",
        kind: "collect",
        prompt: "For which day, what time and how many people?",
        slots: [
          { name: "date", type: "date", prompt: "Which day?" },
          { name: "time", type: "time", prompt: "At what time?" },
          { name: "party_size", type: "integer", constraints: { min: 1, max: 20 }, invalidMessage: "{{ value }} is more than we can seat." },
        ],
        confirm: "A table for {{ party_size }} on {{ date }} at {{ time }}, right?",
      },
      { id: "check_size", kind: "decide" },
      { id: "large_party_note", kind: "say", text: "For {{ party_size }} people we seat you in the garden." },
      {
        id: "book",
        kind: "tool",
        tool: { type: "function", name: "book_table" },
        args: { date: "date", time: "time", party_size: "party_size" },
        resultVariable: "booking_ref",
        progressMessage: "Let me check the book.",
      },
      { id: "done", kind: "end", message: "You're booked, reference {{ booking_ref }}.", outcome: "booked" },
      { id: "failed", kind: "transfer", target: "front-desk", message: "Let me pass you to a colleague." },
      {
        id: "offer_operator",
        kind: "say",
        text: "Shall I put you through to a person?",
      },
      { id: "to_operator", kind: "transfer", target: "front-desk", handoff: "Booking for {{ party_size }}" },
      { id: "no_answer", kind: "end", message: "I can't hear you. Goodbye.", outcome: "abandoned" },
    ],
    edges: [
      always("e_greet", "greet", "ask_booking"),
      on("e_filled", "ask_booking", "check_size", { type: "filled" }),
      on("e_silent", "ask_booking", "no_answer", { type: "noInput" }),
      on("e_confused", "ask_booking", "to_operator", { type: "noMatch" }),
      { id: "e_large", from: "check_size", to: "large_party_note", trigger: { type: "condition", when: "party_size > 8" }, assign: { large_party: "true" } },
      always("e_normal", "check_size", "book"),
      always("e_note", "large_party_note", "book"),
      on("e_booked", "book", "done", { type: "toolResult", result: "success" }),
      on("e_failed", "book", "failed", { type: "toolResult", result: "error" }),
      on("e_op_yes", "offer_operator", "to_operator", { type: "intent", intent: intent("yes", "yes please", "sure") }),
      on("e_op_no", "offer_operator", "@return", { type: "intent", intent: intent("no", "no thanks", "not now") }),
      on("e_op_silent", "offer_operator", "@return", { type: "noInput" }),
    ],
  };
}

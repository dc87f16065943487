import { compileFlow, FlowSchema } from "@voxchart/flow";
import type { CompiledFlow, FlowInput } from "@voxchart/flow";

/** A compact booking flow used by the engine's own tests. */
export const bookingFlow: FlowInput = {
  schemaVersion: 1,
  id: "booking",
  name: "Booking",
  start: "greet",
  settings: { fillers: ["One moment.", "Let me see."], latencyBudgetMs: 350, noInputTimeoutMs: 5000, maxAttempts: 2 },
  globals: [
    { id: "operator", intent: { name: "operator", examples: ["talk to a human", "speak to someone", "agent please"] }, action: { type: "goto", target: "handoff" } },
  ],
  nodes: [
    { id: "greet", kind: "say", text: "Welcome to Chez Nous." },
    {
      id: "ask",
      kind: "collect",
      prompt: "For which day, what time, and how many people?",
      confirm: "A table for {{ size }} on {{ spokenDate(date) }} at {{ spokenTime(time) }}. Is that right?",
      slots: [
        { name: "date", type: "date", prompt: "Which day would you like?", constraints: { earliest: "today" } },
        { name: "time", type: "time", prompt: "At what time?" },
        { name: "size", type: "integer", prompt: "How many people?", constraints: { min: 1, max: 12 } },
      ],
    },
    { id: "book", kind: "tool", tool: { type: "function", name: "book" }, args: { size: "size", date: "date" }, resultVariable: "ref", progressMessage: "Let me check the book." },
    { id: "done", kind: "end", message: "You're booked, reference {{ ref }}. Goodbye!", outcome: "booked" },
    { id: "failed", kind: "end", message: "Sorry, that did not work.", outcome: "failed" },
    { id: "handoff", kind: "transfer", target: "front-desk", message: "Connecting you to the front desk." },
    { id: "lost", kind: "end", message: "I'll let you go. Goodbye.", outcome: "no-input" },
  ],
  edges: [
    { id: "e1", from: "greet", to: "ask", trigger: { type: "always" } },
    { id: "e2", from: "ask", to: "book", trigger: { type: "filled" } },
    { id: "e3", from: "ask", to: "lost", trigger: { type: "noInput" } },
    { id: "e4", from: "book", to: "done", trigger: { type: "toolResult", result: "success" } },
    { id: "e5", from: "book", to: "failed", trigger: { type: "toolResult", result: "error" } },
  ],
};

export function compileTestFlow(input: FlowInput = bookingFlow): CompiledFlow {
  const result = compileFlow(FlowSchema.parse(input));
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("; "));
  return result.compiled;
}

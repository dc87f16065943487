import { describe, expect, it } from "vitest";
import { checkFlow } from "./check-flow";
import { always, intent, makeFlow, on } from "./test-fixtures";

describe("graph/invalid-trigger for edges that are shadowed", () => {
  it("reports an always edge of a say node that waits for an answer", () => {
    const flow = makeFlow({
      nodes: [{ id: "ask", kind: "say", text: "Shall we?" }, { id: "bye", kind: "end" }],
      edges: [
        on("yes", "ask", "bye", { type: "intent", intent: intent("yes", "yes") }),
        on("q", "ask", "bye", { type: "noInput" }),
        always("anyway", "ask", "bye"),
      ],
    });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "graph/invalid-trigger", severity: "error", edgeId: "anyway", path: "/edges/2/trigger/type", message: expect.stringContaining("waits for an answer") }),
    ]);
  });

  it("warns about edges after an always edge of a decide node", () => {
    const flow = makeFlow({
      nodes: [{ id: "d", kind: "decide" }, { id: "bye", kind: "end" }],
      edges: [always("else", "d", "bye"), on("late", "d", "bye", { type: "condition", when: "true" })],
    });
    expect(checkFlow(flow)).toEqual([
      {
        code: "graph/invalid-trigger",
        severity: "warning",
        message: 'edge "late" from decide node "d" is never taken: "always" edge "else" comes first',
        path: "/edges/1/trigger",
        edgeId: "late",
        nodeId: "d",
      },
    ]);
  });

  it("warns about a second edge with the same unconditional trigger", () => {
    const flow = makeFlow({
      tools: { ping: {} },
      nodes: [{ id: "t", kind: "tool", tool: { type: "function", name: "ping" } }, { id: "a", kind: "end" }, { id: "b", kind: "end" }],
      edges: [
        on("ok", "t", "a", { type: "toolResult", result: "success" }),
        on("ko", "t", "a", { type: "toolResult", result: "error" }),
        on("ok2", "t", "b", { type: "toolResult", result: "success" }),
      ],
    });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "graph/invalid-trigger", severity: "warning", edgeId: "ok2", message: expect.stringContaining('edge "ok" with the same toolResult "success" trigger') }),
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { checkFlow } from "./check-flow";
import { always, intent, makeFlow, on } from "./test-fixtures";

describe("graph/dead-end", () => {
  it("reports a say node with no way forward", () => {
    const flow = makeFlow({ nodes: [{ id: "hi", kind: "say", text: "Hello" }] });
    expect(checkFlow(flow)).toEqual([
      {
        code: "graph/dead-end",
        severity: "error",
        message: 'say node "hi" has no way forward: add an "always" edge, or intent edges to wait for an answer',
        path: "/nodes/0",
        nodeId: "hi",
      },
    ]);
  });

  it("reports a decide node without an always (else) edge", () => {
    const flow = makeFlow({
      variables: { vip: { type: "boolean", default: false } },
      nodes: [{ id: "d", kind: "decide" }, { id: "bye", kind: "end" }],
      edges: [on("c", "d", "bye", { type: "condition", when: "vip" })],
    });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "graph/dead-end", severity: "error", nodeId: "d", path: "/nodes/0", message: expect.stringContaining('no "always" edge (the else branch)') }),
    ]);
  });

  it("reports a collect node without a filled edge", () => {
    const flow = makeFlow({
      nodes: [{ id: "c", kind: "collect", prompt: "Name?", slots: [{ name: "name", type: "text" }] }, { id: "bye", kind: "end" }],
      edges: [on("q", "c", "bye", { type: "noInput" }), on("m", "c", "bye", { type: "noMatch" })],
    });
    expect(checkFlow(flow)).toEqual([expect.objectContaining({ code: "graph/dead-end", nodeId: "c", message: expect.stringContaining('no "filled" edge') })]);
  });

  it("reports a subflow node without an always edge", () => {
    const flow = makeFlow({ nodes: [{ id: "s", kind: "subflow", flow: "./child.flow.json" }] });
    expect(checkFlow(flow)).toEqual([expect.objectContaining({ code: "graph/dead-end", nodeId: "s", severity: "error" })]);
  });

  it("reports a missing tool error edge as a warning only", () => {
    const flow = makeFlow({
      tools: { ping: {} },
      nodes: [{ id: "t", kind: "tool", tool: { type: "function", name: "ping" } }, { id: "bye", kind: "end" }],
      edges: [on("ok", "t", "bye", { type: "toolResult", result: "success" })],
    });
    expect(checkFlow(flow)).toEqual([
      {
        code: "graph/dead-end",
        severity: "warning",
        message: 'tool node "t" has no toolResult "error" edge: a failed call stops the conversation here',
        path: "/nodes/0",
        nodeId: "t",
      },
    ]);
  });

  it("reports a tool node without a success edge as an error", () => {
    const flow = makeFlow({
      tools: { ping: {} },
      nodes: [{ id: "t", kind: "tool", tool: { type: "function", name: "ping" } }, { id: "bye", kind: "end" }],
      edges: [on("bad", "t", "bye", { type: "toolResult", result: "error" })],
    });
    expect(checkFlow(flow).map((d) => [d.code, d.severity])).toEqual([["graph/dead-end", "error"]]);
  });

  it("reports a conversation node with no exits", () => {
    const flow = makeFlow({
      nodes: [{ id: "chat", kind: "conversation", task: "Chat" }],
      edges: [on("q", "chat", "chat", { type: "noInput" })],
    });
    expect(checkFlow(flow).map((d) => [d.code, d.nodeId])).toEqual([["graph/dead-end", "chat"]]);
  });
});

import { describe, expect, it } from "vitest";
import { checkFlow } from "./check-flow";
import { intent, makeFlow, on } from "./test-fixtures";

const collect = { id: "c", kind: "collect" as const, prompt: "Name?", slots: [{ name: "name", type: "text" as const }] };
const bye = { id: "bye", kind: "end" as const };

describe("collect/no-input-path and collect/no-match-path", () => {
  it("warns about a collect node without a noInput edge", () => {
    const flow = makeFlow({
      nodes: [collect, bye],
      edges: [on("f", "c", "bye", { type: "filled" }), on("m", "c", "bye", { type: "noMatch" })],
    });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "collect/no-input-path", severity: "warning", path: "/nodes/0", nodeId: "c" }),
    ]);
  });

  it("notes a collect node without a noMatch edge, as info", () => {
    const flow = makeFlow({
      nodes: [collect, bye],
      edges: [on("f", "c", "bye", { type: "filled" }), on("q", "c", "bye", { type: "noInput" })],
    });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "collect/no-match-path", severity: "info", path: "/nodes/0", nodeId: "c" }),
    ]);
  });

  it("warns about a conversation node that ignores silence, and a global handler does not help", () => {
    const flow = makeFlow({
      globals: [{ id: "op", intent: intent("operator", "operator"), action: { type: "end" } }],
      nodes: [{ id: "chat", kind: "conversation", task: "Help the caller" }, bye],
      edges: [on("done", "chat", "bye", { type: "intent", intent: intent("done", "that is all") })],
    });
    expect(checkFlow(flow)).toEqual([expect.objectContaining({ code: "collect/no-input-path", nodeId: "chat" })]);
  });
});

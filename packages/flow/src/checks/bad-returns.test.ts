import { describe, expect, it } from "vitest";
import { checkFlow } from "./check-flow";
import { intent, makeFlow, on } from "./test-fixtures";

describe("graph/bad-return", () => {
  it("reports @return from a node the start reaches by edges", () => {
    const flow = makeFlow({
      nodes: [
        { id: "ask", kind: "say", text: "Yes or no?" },
        { id: "bye", kind: "end" },
      ],
      edges: [
        on("yes", "ask", "bye", { type: "intent", intent: intent("yes", "yes") }),
        on("no", "ask", "@return", { type: "intent", intent: intent("no", "no") }),
        on("quiet", "ask", "bye", { type: "noInput" }),
      ],
    });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "graph/bad-return", severity: "error", path: "/edges/1/to", edgeId: "no", nodeId: "ask" }),
    ]);
  });
});

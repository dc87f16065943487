import { describe, expect, it } from "vitest";
import { checkFlow } from "./check-flow";
import { intent, makeFlow, on } from "./test-fixtures";
import { jaccard, normaliseExample } from "./ambiguous-intents";

const bye = { id: "bye", kind: "end" as const };

describe("intents/ambiguous", () => {
  const twoExits = (a: string[], b: string[]) =>
    makeFlow({
      nodes: [{ id: "menu", kind: "say", text: "Book or cancel?" }, bye],
      edges: [
        on("book", "menu", "bye", { type: "intent", intent: intent("book", ...a) }),
        on("cancel", "menu", "bye", { type: "intent", intent: intent("cancel", ...b) }),
        on("q", "menu", "bye", { type: "noInput" }),
      ],
    });

  it("reports two exits sharing a normalised example as an error", () => {
    expect(checkFlow(twoExits(["I want a table"], ["Change my booking", "i WANT a table!"]))).toEqual([
      {
        code: "intents/ambiguous",
        severity: "error",
        message: 'intents "book" and "cancel" share the example "I want a table" in node "menu": the caller\'s words cannot tell them apart',
        path: "/edges/1/trigger/intent",
        nodeId: "menu",
        edgeId: "cancel",
      },
    ]);
  });

  it("warns about examples whose words overlap strongly", () => {
    const found = checkFlow(twoExits(["please book a table for tonight"], ["please cancel a table for tonight"]));
    // 5 shared words of 7: Jaccard 0.71, below the threshold.
    expect(found).toEqual([]);
    const close = checkFlow(twoExits(["book a table for tonight please now"], ["book a table for tonight please"]));
    expect(close).toEqual([expect.objectContaining({ code: "intents/ambiguous", severity: "warning", edgeId: "cancel" })]);
  });

  it("compares exits with the global handlers active in the node", () => {
    const flow = makeFlow({
      globals: [{ id: "op", intent: intent("operator", "talk to someone"), action: { type: "end" } }],
      nodes: [{ id: "menu", kind: "say", text: "Book?" }, bye],
      edges: [
        on("book", "menu", "bye", { type: "intent", intent: intent("help", "Talk to someone.") }),
        on("q", "menu", "bye", { type: "noInput" }),
      ],
    });
    expect(checkFlow(flow)).toEqual([expect.objectContaining({ code: "intents/ambiguous", path: "/globals/0/intent", nodeId: "menu" })]);
  });

  it("reports two clashing global handlers once, not in every node", () => {
    const flow = makeFlow({
      globals: [
        { id: "op", intent: intent("operator", "a real person"), action: { type: "end" } },
        { id: "agent", intent: intent("agent", "A real person!"), action: { type: "end" } },
      ],
      nodes: [{ id: "one", kind: "say", text: "?" }, { id: "two", kind: "say", text: "?" }, bye],
      edges: [
        on("a", "one", "two", { type: "intent", intent: intent("next", "next") }),
        on("qa", "one", "bye", { type: "noInput" }),
        on("b", "two", "bye", { type: "intent", intent: intent("done", "done") }),
        on("qb", "two", "bye", { type: "noInput" }),
      ],
    });
    expect(checkFlow(flow)).toEqual([
      {
        code: "intents/ambiguous",
        severity: "error",
        message: 'intents "operator" and "agent" share the example "a real person" (both global handlers): the caller\'s words cannot tell them apart',
        path: "/globals/1/intent",
      },
    ]);
  });

  it("treats the same intent name on an edge and a global as one intent", () => {
    const flow = makeFlow({
      globals: [{ id: "op", intent: intent("operator", "operator"), action: { type: "end" } }],
      nodes: [{ id: "menu", kind: "say", text: "Book?" }, bye],
      edges: [
        on("o", "menu", "bye", { type: "intent", intent: intent("operator", "operator") }),
        on("q", "menu", "bye", { type: "noInput" }),
      ],
    });
    expect(checkFlow(flow)).toEqual([]);
  });

  it("normalises case, punctuation and spacing", () => {
    expect(normaliseExample("  Yes,   PLEASE! ")).toBe("yes please");
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3);
  });
});

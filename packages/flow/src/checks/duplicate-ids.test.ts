import { describe, expect, it } from "vitest";
import { checkFlow } from "./check-flow";
import { always, intent, makeFlow, on } from "./test-fixtures";

/** say → end, clean; tests add one fault each. */
const hello = [
  { id: "hi", kind: "say" as const, text: "Hello" },
  { id: "bye", kind: "end" as const },
];

describe("ids/duplicate", () => {
  it("reports the second node with an id already used", () => {
    const flow = makeFlow({
      nodes: [...hello, { id: "hi", kind: "end" }],
      edges: [always("e", "hi", "bye")],
    });
    expect(checkFlow(flow)).toEqual([
      {
        code: "ids/duplicate",
        severity: "error",
        message: 'node id "hi" is already used by nodes/0; ids must be unique',
        path: "/nodes/2/id",
        nodeId: "hi",
      },
    ]);
  });

  it("reports duplicate edge ids and global ids at the later one", () => {
    const flow = makeFlow({
      globals: [
        { id: "g", intent: intent("repeat", "again"), action: { type: "repeat" } },
        { id: "g", intent: intent("stop", "stop it"), action: { type: "end" } },
      ],
      nodes: [{ id: "c", kind: "collect", prompt: "?", slots: [{ name: "x", type: "text" }] }, ...hello],
      edges: [on("e", "c", "hi", { type: "filled" }), on("e", "c", "bye", { type: "noInput" }), on("m", "c", "bye", { type: "noMatch" }), always("f", "hi", "bye")],
    });
    expect(checkFlow(flow).map((d) => [d.code, d.path, d.edgeId])).toEqual([
      ["ids/duplicate", "/edges/1/id", "e"],
      ["ids/duplicate", "/globals/1/id", undefined],
    ]);
  });

  it("reports a slot name used twice in one collect node", () => {
    const flow = makeFlow({
      nodes: [
        { id: "c", kind: "collect", prompt: "?", slots: [{ name: "x", type: "text" }, { name: "x", type: "number" }] },
        { id: "bye", kind: "end" },
      ],
      edges: [on("f", "c", "bye", { type: "filled" }), on("s", "c", "bye", { type: "noInput" }), on("m", "c", "bye", { type: "noMatch" })],
    });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "ids/duplicate", path: "/nodes/0/slots/1/name", nodeId: "c", message: 'slot "x" appears twice in collect node "c"' }),
    ]);
  });
});

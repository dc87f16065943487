import { describe, expect, it } from "vitest";
import type { FlowInput } from "../schema";
import { checkFlow } from "./check-flow";
import { makeFlow, on } from "./test-fixtures";

function calling(tool: string, args: Record<string, string>, tools: FlowInput["tools"]) {
  return makeFlow({
    variables: { day: { type: "date" } },
    tools,
    nodes: [{ id: "t", kind: "tool", tool: { type: "function", name: tool }, args }, { id: "bye", kind: "end" }],
    edges: [on("ok", "t", "bye", { type: "toolResult", result: "success" }), on("ko", "t", "bye", { type: "toolResult", result: "error" })],
  });
}

describe("tool/unknown", () => {
  it("warns about a function tool missing from tools, naming the declared ones", () => {
    expect(checkFlow(calling("bok_table", {}, { book_table: {} }))).toEqual([
      {
        code: "tool/unknown",
        severity: "warning",
        message: 'tool node "t" calls "bok_table", which is not declared in "tools" (declared: book_table)',
        path: "/nodes/0/tool/name",
        nodeId: "t",
      },
    ]);
  });

  it("does not ask http tools to be declared", () => {
    const flow = makeFlow({
      nodes: [{ id: "t", kind: "tool", tool: { type: "http", url: "https://example.com/book" } }, { id: "bye", kind: "end" }],
      edges: [on("ok", "t", "bye", { type: "toolResult", result: "success" }), on("ko", "t", "bye", { type: "toolResult", result: "error" })],
    });
    expect(checkFlow(flow)).toEqual([]);
  });
});

describe("tool/unknown-argument", () => {
  it("reports an argument the declaration does not list", () => {
    expect(checkFlow(calling("book", { day: "day", when: "day" }, { book: { parameters: { day: "date" } } }))).toEqual([
      {
        code: "tool/unknown-argument",
        severity: "error",
        message: 'tool "book" has no parameter "when" (node "t"); its parameters are day',
        path: "/nodes/0/args/when",
        nodeId: "t",
      },
    ]);
  });
});

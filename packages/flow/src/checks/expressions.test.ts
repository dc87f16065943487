import { describe, expect, it } from "vitest";
import type { Edge, FlowInput, FlowNode } from "../schema";
import { checkFlow } from "./check-flow";
import { always, makeFlow, on } from "./test-fixtures";

/** decide → end with one extra condition edge or assign: all else clean. */
function deciding(edge: Edge, variables: FlowInput["variables"] = { size: { type: "integer", default: 2 } }) {
  return makeFlow({
    variables,
    nodes: [{ id: "d", kind: "decide" }, { id: "bye", kind: "end" }],
    edges: [edge, always("else", "d", "bye")],
  });
}

function speaking(node: FlowNode, variables: FlowInput["variables"] = { size: { type: "integer", default: 2 } }) {
  return makeFlow({ variables, nodes: [node, { id: "bye", kind: "end" }], edges: [always("e", node.id, "bye")] });
}

describe("expr/syntax", () => {
  it("locates a syntax error in a template by column", () => {
    const found = checkFlow(speaking({ id: "hi", kind: "say", text: "A table for {{ size + }}" }));
    expect(found).toEqual([
      expect.objectContaining({ code: "expr/syntax", severity: "error", path: "/nodes/0/text", nodeId: "hi", column: 23 }),
    ]);
  });

  it("locates a syntax error in a condition", () => {
    const found = checkFlow(deciding(on("c", "d", "bye", { type: "condition", when: "size > > 2" })));
    expect(found).toEqual([expect.objectContaining({ code: "expr/syntax", path: "/edges/0/trigger/when", edgeId: "c", nodeId: "d" })]);
  });
});

describe("expr/unknown-variable", () => {
  it("reports an undeclared variable in a template", () => {
    const found = checkFlow(speaking({ id: "hi", kind: "say", text: "Hello {{ nmae }}" }, { name: { type: "string" } }));
    expect(found).toEqual([
      expect.objectContaining({ code: "expr/unknown-variable", path: "/nodes/0/text", nodeId: "hi", column: 10, message: expect.stringContaining("nmae") }),
    ]);
  });

  it("reports an assignment to an undeclared variable", () => {
    const found = checkFlow(deciding({ id: "a", from: "d", to: "bye", trigger: { type: "condition", when: "size > 2" }, assign: { big: "true" } }));
    expect(found).toEqual([
      {
        code: "expr/unknown-variable",
        severity: "error",
        message: 'edge "a" assigns "big", which is not a declared variable; declare it in "variables"',
        path: "/edges/0/assign/big",
        nodeId: "d",
        edgeId: "a",
      },
    ]);
  });

  it("lets a slot's invalidMessage use {{ value }}", () => {
    const flow = makeFlow({
      nodes: [
        { id: "c", kind: "collect", prompt: "How many?", slots: [{ name: "n", type: "integer", invalidMessage: "{{ value }} is too many" }] },
        { id: "bye", kind: "end" },
      ],
      edges: [on("f", "c", "bye", { type: "filled" }), on("q", "c", "bye", { type: "noInput" }), on("m", "c", "bye", { type: "noMatch" })],
    });
    expect(checkFlow(flow)).toEqual([]);
  });

  it("checks the text of global handlers", () => {
    const flow = makeFlow({
      globals: [{ id: "bye_all", intent: { name: "bye", examples: ["bye"] }, action: { type: "end", text: "Bye {{ who }}" } }],
      nodes: [{ id: "hi", kind: "say", text: "Hi" }, { id: "bye", kind: "end" }],
      edges: [always("e", "hi", "bye")],
    });
    expect(checkFlow(flow)).toEqual([expect.objectContaining({ code: "expr/unknown-variable", path: "/globals/0/action/text" })]);
  });
});

describe("expr/unknown-function", () => {
  it("reports a call to a function that is not built in", () => {
    const found = checkFlow(deciding(on("c", "d", "bye", { type: "condition", when: "shout(size) > 1" })));
    expect(found).toEqual([expect.objectContaining({ code: "expr/unknown-function", path: "/edges/0/trigger/when", edgeId: "c" })]);
  });
});

describe("expr/type-mismatch", () => {
  it("reports a comparison of a number with a string in a condition", () => {
    const found = checkFlow(deciding(on("c", "d", "bye", { type: "condition", when: "size > 'large'" })));
    expect(found).toEqual([expect.objectContaining({ code: "expr/type-mismatch", severity: "error", path: "/edges/0/trigger/when", column: 1 })]);
  });

  it("warns about a condition that is not true/false", () => {
    const found = checkFlow(deciding(on("c", "d", "bye", { type: "condition", when: "size" })));
    expect(found).toEqual([
      expect.objectContaining({
        code: "expr/type-mismatch",
        severity: "warning",
        path: "/edges/0/trigger/when",
        message: 'the condition of edge "c" is an integer, not true/false; compare it explicitly (e.g. "size != null")',
      }),
    ]);
  });

  it("reports an assignment of an incompatible type", () => {
    const found = checkFlow(
      deciding(
        { id: "a", from: "d", to: "bye", trigger: { type: "condition", when: "size > 2" }, assign: { size: "'two'" } },
        { size: { type: "integer", default: 2 } },
      ),
    );
    expect(found).toEqual([
      expect.objectContaining({ code: "expr/type-mismatch", path: "/edges/0/assign/size", message: 'edge "a" assigns a string to "size", which is declared as integer' }),
    ]);
  });

  it("allows numbers into integers and text into dates", () => {
    const found = checkFlow(
      deciding(
        { id: "a", from: "d", to: "bye", trigger: { type: "condition", when: "size > 2" }, assign: { size: "size + 1", day: "'2026-12-24'" } },
        { size: { type: "integer", default: 2 }, day: { type: "date" } },
      ),
    );
    expect(found).toEqual([]);
  });

  it("reports a tool argument of the wrong type", () => {
    const flow = makeFlow({
      variables: { name: { type: "string" } },
      tools: { book: { parameters: { size: "integer" } } },
      nodes: [{ id: "t", kind: "tool", tool: { type: "function", name: "book" }, args: { size: "name" } }, { id: "bye", kind: "end" }],
      edges: [on("ok", "t", "bye", { type: "toolResult", result: "success" }), on("ko", "t", "bye", { type: "toolResult", result: "error" })],
    });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "expr/type-mismatch", path: "/nodes/0/args/size", nodeId: "t", message: 'argument "size" of tool node "t" is a string, but the tool declares it as integer' }),
    ]);
  });

  it("reports a variable default that does not fit its type", () => {
    const found = checkFlow(speaking({ id: "hi", kind: "say", text: "Hi" }, { size: { type: "integer", default: 2.5 } }));
    expect(found).toEqual([
      { code: "expr/type-mismatch", severity: "error", message: 'the default of variable "size" is 2.5, which is not an integer', path: "/variables/size/default" },
    ]);
  });

  it("warns when a slot redeclares a variable with another type", () => {
    const flow = makeFlow({
      variables: { when: { type: "string" } },
      nodes: [{ id: "c", kind: "collect", prompt: "When?", slots: [{ name: "when", type: "date" }] }, { id: "bye", kind: "end" }],
      edges: [on("f", "c", "bye", { type: "filled" }), on("q", "c", "bye", { type: "noInput" }), on("m", "c", "bye", { type: "noMatch" })],
    });
    expect(checkFlow(flow)).toEqual([
      expect.objectContaining({ code: "expr/type-mismatch", severity: "warning", path: "/nodes/0/slots/0/name", nodeId: "c" }),
    ]);
  });
});

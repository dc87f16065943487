import { describe, expect, it } from "vitest";
import type { Flow, FlowNode } from "../schema";
import { checkFlow } from "./check-flow";
import { always, makeFlow } from "./test-fixtures";

/** A parent calling `ref` through one subflow node; everything else clean. */
function parent(node: Partial<Extract<FlowNode, { kind: "subflow" }>> = {}, id = "parent"): Flow {
  return makeFlow({
    id,
    variables: { total: { type: "number" }, who: { type: "string", default: "Ann" } },
    nodes: [{ id: "call", kind: "subflow", flow: "child.flow.json", ...node }, { id: "bye", kind: "end" }],
    edges: [always("back", "call", "bye")],
  });
}

const child = makeFlow({
  id: "child",
  variables: { name: { type: "string" }, amount: { type: "number" }, note: { type: "string" } },
  nodes: [{ id: "hi", kind: "say", text: "Hi {{ name }}" }, { id: "done", kind: "end" }],
  edges: [always("e", "hi", "done")],
});

const resolving = (flows: Record<string, Flow>) => ({ resolveSubflow: (ref: string) => flows[ref] });

describe("subflow checks", () => {
  it("accepts inputs and outputs that match the child's variables", () => {
    const flow = parent({ inputs: { name: "who" }, outputs: { total: "amount" } });
    expect(checkFlow(flow, resolving({ "child.flow.json": child }))).toEqual([]);
  });

  it("reports a subflow the resolver cannot find", () => {
    expect(checkFlow(parent(), resolving({}))).toEqual([
      {
        code: "subflow/unresolved",
        severity: "error",
        message: 'subflow node "call" calls "child.flow.json", which could not be found',
        path: "/nodes/0/flow",
        nodeId: "call",
      },
    ]);
  });

  it("skips resolution when no resolver is given", () => {
    expect(checkFlow(parent())).toEqual([]);
  });

  it("reports a cycle of flows calling each other", () => {
    const a = parent({ flow: "b" }, "a");
    const b = parent({ flow: "a" }, "b");
    expect(checkFlow(a, resolving({ a, b }))).toEqual([
      expect.objectContaining({ code: "subflow/cycle", path: "/nodes/0/flow", nodeId: "call", message: expect.stringContaining("a → b → a") }),
    ]);
  });

  it("reports inputs that are not variables of the child", () => {
    const flow = parent({ inputs: { nme: "who" } });
    expect(checkFlow(flow, resolving({ "child.flow.json": child }))).toEqual([
      expect.objectContaining({ code: "expr/unknown-variable", path: "/nodes/0/inputs/nme", nodeId: "call", message: 'input "nme" of subflow node "call" is not a variable of flow "child"' }),
    ]);
  });

  it("reports outputs reading a variable the child does not have", () => {
    const flow = parent({ outputs: { total: "sum" } });
    expect(checkFlow(flow, resolving({ "child.flow.json": child }))).toEqual([
      expect.objectContaining({ code: "expr/unknown-variable", path: "/nodes/0/outputs/total", message: 'output "total" reads "sum", which is not a variable of flow "child"' }),
    ]);
  });

  it("reports outputs into a variable this flow does not declare, even without a resolver", () => {
    expect(checkFlow(parent({ outputs: { grand_total: "amount" } }))).toEqual([
      expect.objectContaining({ code: "expr/unknown-variable", path: "/nodes/0/outputs/grand_total" }),
    ]);
  });

  it("reports inputs and outputs of mismatched types", () => {
    const flow = parent({ inputs: { amount: "who" }, outputs: { total: "note" } });
    expect(checkFlow(flow, resolving({ "child.flow.json": child })).map((d) => [d.code, d.path])).toEqual([
      ["expr/type-mismatch", "/nodes/0/inputs/amount"],
      ["expr/type-mismatch", "/nodes/0/outputs/total"],
    ]);
  });

  it("resolves a subflow embedded in the document, with no resolver", () => {
    const bundle: Flow = { ...parent({ inputs: { name: "who" } }), subflows: { "child.flow.json": child } };
    expect(checkFlow(bundle)).toEqual([]);
  });

  it("prefers the embedded subflow to the resolver's", () => {
    const wrong = makeFlow({ id: "wrong", nodes: [{ id: "x", kind: "end" }] });
    const bundle: Flow = { ...parent({ inputs: { name: "who" } }), subflows: { "child.flow.json": child } };
    expect(checkFlow(bundle, resolving({ "child.flow.json": wrong }))).toEqual([]);
  });

  it("reports a bundle missing a flow it calls", () => {
    const bundle: Flow = { ...parent(), subflows: {} };
    expect(checkFlow(bundle).map((d) => d.code)).toEqual(["subflow/unresolved"]);
  });
});

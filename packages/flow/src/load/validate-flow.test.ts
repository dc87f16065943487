import { describe, expect, it } from "vitest";
import { validateFlow } from "./validate-flow";

const base = {
  schemaVersion: 1,
  id: "hello",
  name: "Hello",
  start: "hi",
  nodes: [
    { id: "hi", kind: "say", text: "Hello!" },
    { id: "bye", kind: "end" },
  ],
  edges: [{ id: "e1", from: "hi", to: "bye", trigger: { type: "always" } }],
};

function withNode(index: number, node: Record<string, unknown>): unknown {
  const nodes: unknown[] = [...base.nodes];
  nodes[index] = node;
  return { ...base, nodes };
}

function diagnosticsOf(value: unknown) {
  const result = validateFlow(value, "f.flow.json");
  if (result.ok) throw new Error("expected the value to be invalid");
  return result.diagnostics;
}

describe("validateFlow", () => {
  it("accepts a valid flow", () => {
    expect(validateFlow(base).ok).toBe(true);
  });

  it("reports a wrong schemaVersion once, without schema noise", () => {
    expect(diagnosticsOf({ ...base, schemaVersion: 2, nodes: "oops" })).toEqual([
      {
        code: "schema/version",
        severity: "error",
        message: "schemaVersion 2 is not supported; this version of Voxchart reads schemaVersion 1",
        path: "/schemaVersion",
        file: "f.flow.json",
      },
    ]);
  });

  it("reports a missing schemaVersion as a version problem", () => {
    const { schemaVersion: _, ...rest } = base;
    expect(diagnosticsOf(rest)[0]?.code).toBe("schema/version");
  });

  it("names an unknown node kind in one diagnostic with the expected kinds", () => {
    expect(diagnosticsOf(withNode(1, { id: "ask_size", kind: "ask", text: "How many?" }))).toEqual([
      {
        code: "schema/invalid",
        severity: "error",
        message: 'unknown node kind "ask"; expected one of say, collect, conversation, decide, tool, transfer, subflow, end',
        path: "/nodes/1/kind",
        nodeId: "ask_size",
        file: "f.flow.json",
      },
    ]);
  });

  it("says what was expected and what was found for a wrong field type", () => {
    const [d] = diagnosticsOf(withNode(0, { id: "hi", kind: "say", text: "Hello!", maxAttempts: "three" }));
    expect(d).toMatchObject({
      path: "/nodes/0/maxAttempts",
      nodeId: "hi",
      message: 'expected an integer from 1 to 10, found "three"',
    });
  });

  it("reports an out-of-range number with its range", () => {
    const [d] = diagnosticsOf({ ...base, settings: { maxAttempts: 30 } });
    expect(d).toMatchObject({ path: "/settings/maxAttempts", message: "expected an integer from 1 to 10, found 30" });
  });

  it("keeps the schema's own sentence for an empty node list", () => {
    expect(diagnosticsOf({ ...base, nodes: [] })[0]).toMatchObject({
      path: "/nodes",
      message: "a flow needs at least one node; found an empty list",
    });
  });

  it("reports a missing required field", () => {
    const [d] = diagnosticsOf(withNode(1, { kind: "end" }));
    expect(d?.path).toBe("/nodes/1/id");
    expect(d?.message).toMatch(/^missing required field; expected a string/);
  });

  it("reports each unknown field at its own path with the known fields", () => {
    const [d] = diagnosticsOf(withNode(1, { id: "bye", kind: "end", mesage: "Bye" }));
    expect(d?.path).toBe("/nodes/1/mesage");
    expect(d?.nodeId).toBe("bye");
    expect(d?.message).toMatch(/^unknown field "mesage"; known fields: .*message/);
  });

  it("uses the schema's own explanation for a bad id and shows the value", () => {
    const [d] = diagnosticsOf(withNode(1, { id: "2nd", kind: "end" }));
    expect(d).toMatchObject({
      path: "/nodes/1/id",
      nodeId: "2nd",
      message: `an id starts with a letter and holds only letters, digits, '_' and '-'; found "2nd"`,
    });
  });

  it("names the edge and explains an unknown trigger type", () => {
    const edges = [{ id: "e1", from: "hi", to: "bye", trigger: { type: "alway" } }];
    const [d] = diagnosticsOf({ ...base, edges });
    expect(d).toMatchObject({
      path: "/edges/0/trigger/type",
      edgeId: "e1",
      message: 'unknown trigger type "alway"; expected one of intent, condition, filled, toolResult, noInput, noMatch, always',
    });
  });

  it("explains a bad edge target, mentioning @return", () => {
    const edges = [{ id: "e1", from: "hi", to: "@back", trigger: { type: "always" } }];
    expect(diagnosticsOf({ ...base, edges })[0]?.message).toBe('expected a node id or "@return", found "@back"');
  });

  it("escapes record keys in JSON pointers", () => {
    const [d] = diagnosticsOf({ ...base, variables: { "a/b": { type: "string" } } });
    expect(d?.path).toBe("/variables/a~1b");
    expect(d?.message).toMatch(/^invalid name "a\/b": a variable name is an identifier/);
  });

  it("never throws on values that are not objects", () => {
    for (const value of [null, 5, "flow", [], undefined]) {
      const result = validateFlow(value);
      expect(result.ok).toBe(false);
    }
    expect(diagnosticsOf(5)[0]).toMatchObject({ path: "", message: "expected an object, found 5" });
  });
});

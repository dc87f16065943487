import { describe, expect, it } from "vitest";
import { parseFlowDocument } from "./parse-flow-document";

const minimal = {
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

describe("parseFlowDocument", () => {
  it("returns the flow with defaults filled in for a valid document", () => {
    const result = parseFlowDocument(JSON.stringify(minimal));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flow.settings.maxAttempts).toBe(3);
    expect(result.flow.globals).toEqual([]);
  });

  it("reports a syntax error with its line and column", () => {
    const text = '{\n  "schemaVersion": 1\n  "id": "x"\n}';
    const result = parseFlowDocument(text, "bad.flow.json");
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        {
          code: "json/syntax",
          severity: "error",
          message: "line 3, column 3: comma expected",
          path: "",
          column: 3,
          file: "bad.flow.json",
        },
      ],
    });
  });

  it("rejects trailing commas with a message that says so", () => {
    const result = parseFlowDocument('{ "a": [1, 2,] }');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.message).toBe("line 1, column 14: trailing commas are not allowed in JSON");
  });

  it("rejects comments", () => {
    const result = parseFlowDocument('{\n  // hi\n  "a": 1\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ code: "json/syntax", column: 3, message: "line 2, column 3: comments are not allowed in JSON" });
  });

  it("reports empty text as a syntax error, not a crash", () => {
    const result = parseFlowDocument("");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]?.code).toBe("json/syntax");
  });

  it("validates the parsed value against the schema", () => {
    const result = parseFlowDocument(JSON.stringify({ ...minimal, schemaVersion: 7 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => d.code)).toEqual(["schema/version"]);
  });
});

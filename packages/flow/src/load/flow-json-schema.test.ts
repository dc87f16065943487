import { Ajv2020 } from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { restaurantFlow } from "../checks/test-fixtures";
import { flowJsonSchema } from "./flow-json-schema";

describe("flowJsonSchema", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(flowJsonSchema());

  it("accepts a realistic flow as written by hand (defaults left out)", () => {
    const ok = validate(restaurantFlow());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("rejects an unknown node kind, as the zod schema does", () => {
    const flow = restaurantFlow();
    const bad = { ...flow, nodes: [{ id: "x", kind: "ask", text: "?" }] };
    expect(validate(bad)).toBe(false);
  });

  it("describes the fields editors complete", () => {
    const schema = flowJsonSchema();
    expect(schema["type"]).toBe("object");
    expect(Object.keys(schema["properties"] as object)).toEqual(
      expect.arrayContaining(["schemaVersion", "start", "nodes", "edges", "globals"]),
    );
  });
});

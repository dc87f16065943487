import { describe, expect, it } from "vitest";
import { makeFlow, restaurantFlow } from "../checks/test-fixtures";
import { FlowSchema } from "../schema";
import { declaredVariables, variableDeclarations } from "./declared-variables";

describe("declaredVariables", () => {
  it("gathers variables, slots (by slot type) and tool results (by declared result type)", () => {
    expect(declaredVariables(FlowSchema.parse(restaurantFlow()))).toEqual({
      booking_ref: "string",
      large_party: "boolean",
      date: "date",
      time: "time",
      party_size: "integer",
    });
  });

  it("types intent arguments from their slot type and undeclared tool results as any", () => {
    const flow = makeFlow({
      globals: [
        {
          id: "g",
          intent: { name: "callback", examples: ["call me"], arguments: [{ name: "wants_sms", type: "yesno" }] },
          action: { type: "repeat" },
        },
      ],
      nodes: [
        { id: "t", kind: "tool", tool: { type: "function", name: "lookup" }, resultVariable: "found" },
        { id: "c", kind: "collect", prompt: "?", slots: [{ name: "colour", type: "enum" }, { name: "mail", type: "email" }] },
      ],
      edges: [
        {
          id: "e",
          from: "c",
          to: "t",
          trigger: { type: "intent", intent: { name: "age", examples: ["I am 30"], arguments: [{ name: "years", type: "number" }] } },
        },
      ],
    });
    expect(declaredVariables(flow)).toEqual({
      found: "any",
      colour: "string",
      mail: "email",
      years: "number",
      wants_sms: "boolean",
    });
  });

  it("keeps the first declaration of a name and lists every declaration with its path", () => {
    const flow = makeFlow({
      variables: { date: { type: "string" } },
      nodes: [{ id: "c", kind: "collect", prompt: "?", slots: [{ name: "date", type: "date" }] }],
    });
    expect(declaredVariables(flow)["date"]).toBe("string");
    expect(variableDeclarations(flow)).toEqual([
      { name: "date", type: "string", path: "/variables/date" },
      { name: "date", type: "date", path: "/nodes/0/slots/0/name", nodeId: "c" },
    ]);
  });
});

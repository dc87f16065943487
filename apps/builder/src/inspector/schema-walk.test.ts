import { describe, expect, it } from "vitest";
import { CollectNodeSchema, EdgeSchema, FlowSchema, SayNodeSchema, ToolNodeSchema } from "@voxchart/flow";
import { emptyValue, fieldSpec, humanize, issuesByPath, setAtPath } from "./schema-walk";

const field = (spec: ReturnType<typeof fieldSpec>, key: string) => (spec.kind === "object" ? spec.fields.find(([k]) => k === key)?.[1] : undefined);

describe("fieldSpec over the flow schema", () => {
  it("ends on the flow schema, which embeds flows (subflows), with a JSON field where it recurses", () => {
    const flow = fieldSpec(FlowSchema);
    expect(field(flow, "name")).toMatchObject({ kind: "text" });
    expect(field(flow, "subflows")).toEqual({ kind: "record", optional: true, value: { kind: "json", optional: false } });
  });

  it("makes templates textareas, ids plain text, and numbers bounded", () => {
    const say = fieldSpec(SayNodeSchema);
    expect(field(say, "text")).toEqual({ kind: "text", optional: false, format: "template", required: false });
    expect(field(say, "maxAttempts")).toMatchObject({ kind: "number", optional: true, integer: true, min: 1, max: 10 });
    expect(field(say, "noMatchPrompts")).toEqual({ kind: "string-list", optional: true, format: "template" });
    expect(field(say, "bargeIn")).toMatchObject({ kind: "variant", discriminator: "mode" });
  });

  it("describes slots as a list of objects with an enum type", () => {
    const slots = field(fieldSpec(CollectNodeSchema), "slots");
    expect(slots?.kind).toBe("list");
    const item = slots?.kind === "list" ? slots.item : undefined;
    expect(field(item ?? { kind: "json", optional: false }, "type")).toMatchObject({ kind: "enum", options: expect.arrayContaining(["text", "integer", "yesno"]) });
  });

  it("describes a tool target as a variant and args as a record of expressions", () => {
    const tool = fieldSpec(ToolNodeSchema);
    const target = field(tool, "tool");
    expect(target?.kind === "variant" && target.options.map((o) => o.tag)).toEqual(["function", "http"]);
    expect(field(tool, "args")).toMatchObject({ kind: "record", value: { kind: "text", format: "expression" } });
  });

  it("edits an edge trigger through its variants, with a usable empty value", () => {
    const trigger = field(fieldSpec(EdgeSchema), "trigger");
    expect(trigger?.kind).toBe("variant");
    if (trigger?.kind !== "variant") return;
    const intent = trigger.options.find((o) => o.tag === "intent");
    expect(intent && emptyValue(intent.spec)).toEqual({ type: "intent", intent: { name: "", examples: [] } });
    expect(field(fieldSpec(EdgeSchema), "to")).toMatchObject({ kind: "text" });
  });
});

describe("form helpers", () => {
  it("reports zod issues at field paths", () => {
    const issues = issuesByPath(CollectNodeSchema, { id: "ask", kind: "collect", prompt: "?", slots: [{ name: "1bad", type: "text" }] });
    expect(issues.get("slots.0.name")).toMatch(/identifier/);
  });

  it("sets and removes values immutably", () => {
    const root = { a: { b: [1, 2] } };
    expect(setAtPath(root, ["a", "b", 1], 5)).toEqual({ a: { b: [1, 5] } });
    expect(setAtPath(root, ["a", "b"], undefined)).toEqual({ a: {} });
    expect(root).toEqual({ a: { b: [1, 2] } });
    expect(humanize("noInputTimeoutMs")).toBe("No input timeout (ms)");
  });
});

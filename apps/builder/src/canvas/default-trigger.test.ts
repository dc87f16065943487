import { describe, expect, it } from "vitest";
import { defaultTrigger } from "./default-trigger";

describe("defaultTrigger", () => {
  it("picks the usual trigger of each kind, then the next unused one", () => {
    expect(defaultTrigger("say", [], "next")).toEqual({ type: "always" });
    expect(defaultTrigger("collect", [], "next")).toEqual({ type: "filled" });
    expect(defaultTrigger("collect", [{ id: "a", from: "x", to: "y", trigger: { type: "filled" } }], "next")).toEqual({ type: "noInput" });
    expect(defaultTrigger("tool", [], "next")).toEqual({ type: "toolResult", result: "success" });
    expect(defaultTrigger("tool", [{ id: "a", from: "x", to: "y", trigger: { type: "toolResult", result: "success" } }], "n")).toEqual({ type: "toolResult", result: "error" });
    expect(defaultTrigger("decide", [], "next")).toEqual({ type: "condition", when: "true" });
  });

  it("names a conversation exit after its target, uniquely", () => {
    const first = defaultTrigger("conversation", [], "book_table");
    expect(first).toEqual({ type: "intent", intent: { name: "book_table", examples: ["book table"] } });
    const second = defaultTrigger("conversation", [{ id: "a", from: "c", to: "book_table", trigger: first ?? { type: "always" } }], "book_table");
    expect(second?.type === "intent" && second.intent.name).toBe("book_table_2");
  });

  it("refuses edges out of terminal nodes", () => {
    expect(defaultTrigger("end", [], "x")).toBeNull();
    expect(defaultTrigger("transfer", [], "x")).toBeNull();
  });
});

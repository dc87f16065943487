import { describe, expect, it } from "vitest";
import { compileExpression, compileTemplate } from "./compile";

const NOW = new Date("2026-11-25T18:45:00Z");

describe("compileExpression", () => {
  it("parses once and evaluates against many scopes", () => {
    const c = compileExpression("party_size > 8 && !vip");
    expect(c.error).toBeNull();
    expect(c.expr?.kind).toBe("logical");
    expect(c.evaluate({ vars: { party_size: 9, vip: false }, now: NOW })).toBe(true);
    expect(c.evaluate({ vars: { party_size: 2, vip: false }, now: NOW })).toBe(false);
    expect(c.test({ vars: { party_size: 12 }, now: NOW })).toBe(true);
  });

  it("keeps the error and evaluates a broken expression to null / false", () => {
    const c = compileExpression("party_size >");
    expect(c.expr).toBeNull();
    expect(c.error).toMatchObject({ code: "expr/syntax", column: 13 });
    expect(c.evaluate({ vars: {}, now: NOW })).toBeNull();
    expect(c.test({ vars: {}, now: NOW })).toBe(false);
  });
});

describe("compileTemplate", () => {
  it("renders with many scopes", () => {
    const c = compileTemplate("A table for {{ party_size }}, right?");
    expect(c.error).toBeNull();
    expect(c.render({ vars: { party_size: 2 }, now: NOW })).toBe("A table for 2, right?");
    expect(c.render({ vars: { party_size: 6 }, now: NOW })).toBe("A table for 6, right?");
  });

  it("renders plain text as it is", () => {
    expect(compileTemplate("Goodbye.").render({ vars: {}, now: NOW })).toBe("Goodbye.");
    expect(compileTemplate("").render({ vars: {}, now: NOW })).toBe("");
  });

  it("renders a broken template as its source and keeps the error", () => {
    const c = compileTemplate("Hi {{ name");
    expect(c.template).toBeNull();
    expect(c.error?.column).toBe(4);
    expect(c.render({ vars: { name: "Ann" }, now: NOW })).toBe("Hi {{ name");
  });

});

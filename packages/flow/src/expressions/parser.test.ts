import { describe, expect, it } from "vitest";
import { parseExpression } from "./parser";
import { parsed, show } from "./test-helpers";

describe("parseExpression: literals", () => {
  it("reads integers, decimals, booleans and null", () => {
    expect(show(parsed("42"))).toBe("42");
    expect(show(parsed("3.25"))).toBe("3.25");
    expect(show(parsed("true"))).toBe("true");
    expect(show(parsed("false"))).toBe("false");
    expect(show(parsed("null"))).toBe("null");
  });

  it("folds a minus sign into a number literal", () => {
    expect(parsed("-2.5")).toMatchObject({ kind: "literal", value: -2.5, start: 0, end: 4 });
  });

  it("reads single and double quoted strings with escapes", () => {
    expect(parsed(`'it\\'s'`)).toMatchObject({ kind: "literal", value: "it's" });
    expect(parsed(`"say \\"hi\\"\\n\\t\\\\"`)).toMatchObject({ kind: "literal", value: 'say "hi"\n\t\\' });
    expect(parsed(`"caf\\u00e9"`)).toMatchObject({ kind: "literal", value: "café" });
    expect(parsed(`"it's"`)).toMatchObject({ kind: "literal", value: "it's" });
  });

  it("reads list literals, empty and with a trailing comma", () => {
    expect(show(parsed("[]"))).toBe("[]");
    expect(show(parsed(`[1, "a", [b]]`))).toBe(`[1, "a", [b]]`);
    expect(show(parsed("[1, 2,]"))).toBe("[1, 2]");
  });
});

describe("parseExpression: names, members, indexes and calls", () => {
  it("reads identifiers with underscores and digits", () => {
    expect(parsed("_party_size2")).toMatchObject({ kind: "variable", name: "_party_size2", start: 0, end: 12 });
  });

  it("chains member access, indexes and calls", () => {
    expect(show(parsed("caller.address.city"))).toBe("caller.address.city");
    expect(show(parsed("items[0].name"))).toBe("items[0].name");
    expect(show(parsed("lower(trim(name))"))).toBe("lower(trim(name))");
    expect(show(parsed("max(a, b + 1, 3)"))).toBe("max(a, (b + 1), 3)");
    expect(show(parsed("today()"))).toBe("today()");
  });

  it("allows keywords as property names", () => {
    expect(show(parsed("order.in"))).toBe("order.in");
  });

  it("records source spans of every node", () => {
    const expr = parsed("lower(name) == 'x'");
    expect(expr).toMatchObject({ kind: "binary", start: 0, end: 18 });
    if (expr.kind !== "binary") throw new Error("binary expected");
    expect(expr.left).toMatchObject({ kind: "call", start: 0, end: 11 });
    expect(expr.right).toMatchObject({ start: 15, end: 18 });
    expect(parsed("a.bc")).toMatchObject({ kind: "member", propertyStart: 2, start: 0, end: 4 });
  });
});

describe("parseExpression: precedence as in JavaScript", () => {
  const cases: Array<[string, string]> = [
    ["a + b * c", "(a + (b * c))"],
    ["a * b + c", "((a * b) + c)"],
    ["a - b - c", "((a - b) - c)"],
    ["a / b % c", "((a / b) % c)"],
    ["a + b < c * d", "((a + b) < (c * d))"],
    ["a < b == c > d", "((a < b) == (c > d))"],
    ["party_size > 8 && !vip", "((party_size > 8) && (!vip))"],
    ["a || b && c", "(a || (b && c))"],
    ["a or b and not c", "(a || (b && (!c)))"],
    ['claim_type == "auto" || injured', '((claim_type == "auto") || injured)'],
    ["x in list && y", "((x in list) && y)"],
    ["a + b in c", "((a + b) in c)"],
    ["-a * b", "((-a) * b)"],
    ["!a == b", "((!a) == b)"],
    ["a ?? b || c", "(a ?? (b || c))"],
    ["c ? a : b", "(c ? a : b)"],
    ["a ? b : c ? d : e", "(a ? b : (c ? d : e))"],
    ["a ? b ? c : d : e", "(a ? (b ? c : d) : e)"],
    ["a > 1 ? x + 1 : y ?? 0", "((a > 1) ? (x + 1) : (y ?? 0))"],
    ["(a + b) * c", "((a + b) * c)"],
    ["-x.y[0]", "(-x.y[0])"],
    ["!!a", "(!(!a))"],
  ];
  it.each(cases)("%s → %s", (source, expected) => {
    expect(show(parsed(source))).toBe(expected);
  });
});

describe("parseExpression: never throws", () => {
  it("rejects deep nesting with an error instead of a stack overflow", () => {
    const result = parseExpression("(".repeat(5000) + "1" + ")".repeat(5000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/nests too deeply/);
  });

  it("returns an error for garbage of every kind", () => {
    for (const source of ["@", "a +", "((", "]", "f(", "'", "a..b", "1 2", "[1 2]", "x ? y", "a.(b)"]) {
      const result = parseExpression(source);
      expect(result.ok, source).toBe(false);
    }
  });
});

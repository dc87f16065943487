import { describe, expect, it } from "vitest";
import { evaluate, evaluateCondition } from "./evaluate";
import { parsed } from "./test-helpers";
import type { Scope, Value } from "./values";

const NOW = new Date("2026-11-25T18:45:00Z");

function run(source: string, vars: Record<string, unknown> = {}): Value {
  const scope: Scope = { vars, now: NOW };
  return evaluate(parsed(source), scope);
}

describe("evaluate: conditions from flows", () => {
  it("evaluates the examples of the design", () => {
    expect(run("party_size > 8 && !vip", { party_size: 10, vip: false })).toBe(true);
    expect(run("party_size > 8 && !vip", { party_size: 10, vip: true })).toBe(false);
    expect(run("date >= today()", { date: "2026-11-25" })).toBe(true);
    expect(run("date >= today()", { date: "2026-11-24" })).toBe(false);
    expect(run('claim_type == "auto" || injured', { claim_type: "home", injured: true })).toBe(true);
  });

  it("supports the word operators", () => {
    expect(run("a and not b or c", { a: true, b: true, c: false })).toBe(false);
  });

  it("follows precedence when computing", () => {
    expect(run("2 + 3 * 4")).toBe(14);
    expect(run("(2 + 3) * 4")).toBe(20);
    expect(run("10 - 4 - 3")).toBe(3);
    expect(run("7 % 3")).toBe(1);
    expect(run("-2 * -3")).toBe(6);
  });
});

describe("evaluate: null safety", () => {
  it("reads missing variables and properties as null", () => {
    expect(run("missing")).toBeNull();
    expect(run("missing.deep.deeper")).toBeNull();
    expect(run("caller.name", { caller: {} })).toBeNull();
    expect(run("items[5]", { items: [1] })).toBeNull();
    expect(run("items[0.5]", { items: [1] })).toBeNull();
    expect(run("n.x", { n: 5 })).toBeNull();
    expect(run("s[0]", { s: "abc" })).toBeNull();
  });

  it("reads list items, negative indexes from the end, object keys and list length", () => {
    expect(run("items[0].name", { items: [{ name: "Ann" }] })).toBe("Ann");
    expect(run("items[-1]", { items: [1, 2, 3] })).toBe(3);
    expect(run('caller["name"]', { caller: { name: "Bo" } })).toBe("Bo");
    expect(run("items.length", { items: [1, 2] })).toBe(2);
  });

  it("treats undefined, functions and class instances from the host as null", () => {
    expect(run("x", { x: undefined })).toBeNull();
    expect(run("f", { f: () => 1 })).toBeNull();
    expect(run("d", { d: new Date() })).toBeNull();
    expect(run("m.size", { m: new Map([["size", 1]]) })).toBeNull();
  });

  it("gives null for division or remainder by zero and arithmetic on non-numbers", () => {
    expect(run("1 / 0")).toBeNull();
    expect(run("1 % 0")).toBeNull();
    expect(run("x * 2")).toBeNull();
    expect(run("true - 1")).toBeNull();
    expect(run('-"a"')).toBeNull();
  });

  it("gives null on overflow instead of Infinity", () => {
    expect(run("big * big", { big: 1e300 })).toBeNull();
  });

  it("compares null and mixed types as false instead of failing", () => {
    expect(run("missing > 3")).toBe(false);
    expect(run("missing < 3")).toBe(false);
    expect(run('3 < "4"')).toBe(false);
    expect(run("missing == null")).toBe(true);
  });
});

describe("evaluate: prototype safety", () => {
  it("reads constructor chains as null", () => {
    expect(run("constructor.constructor")).toBeNull();
    expect(run("x.constructor.constructor", { x: {} })).toBeNull();
    expect(run('x["constructor"]', { x: {} })).toBeNull();
    expect(run("items.constructor", { items: [] })).toBeNull();
    expect(run("name.constructor", { name: "a" })).toBeNull();
  });

  it("does not see inherited members of the scope or of objects", () => {
    expect(run("toString")).toBeNull();
    expect(run("hasOwnProperty")).toBeNull();
    expect(run("x.toString", { x: {} })).toBeNull();
    expect(run("x.__proto__", { x: {} })).toBeNull();
    expect(run("__proto__")).toBeNull();
    expect(run("items.map", { items: [1] })).toBeNull();
  });

  it("ignores own keys named __proto__ or constructor", () => {
    const data = JSON.parse('{"__proto__": {"evil": 1}, "constructor": 2}') as unknown;
    expect(run("d.__proto__", { d: data })).toBeNull();
    expect(run("d.constructor", { d: data })).toBeNull();
  });

  it("reads null-prototype objects", () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.a = 1;
    expect(run("o.a", { o })).toBe(1);
  });
});

describe("evaluate: operators", () => {
  it("concatenates when either side of + is a string", () => {
    expect(run('"Table for " + n', { n: 4 })).toBe("Table for 4");
    expect(run('n + " people"', { n: 2.5 })).toBe("2.5 people");
    expect(run('"x" + missing')).toBe("x");
    expect(run("[1] + [2, 3]")).toEqual([1, 2, 3]);
    expect(run("true + 1")).toBeNull();
  });

  it("compares ISO dates and times as strings", () => {
    expect(run('"2026-11-27" > "2026-11-25"')).toBe(true);
    expect(run('"09:30" < "19:00"')).toBe(true);
    expect(run('t <= "19:30"', { t: "19:30" })).toBe(true);
  });

  it("uses strict, deep equality", () => {
    expect(run('1 == "1"')).toBe(false);
    expect(run("0 == false")).toBe(false);
    expect(run("null == false")).toBe(false);
    expect(run("[1, [2]] == [1, [2]]")).toBe(true);
    expect(run("[1, 2] == [2, 1]")).toBe(false);
    expect(run("a == b", { a: { x: [1] }, b: { x: [1] } })).toBe(true);
    expect(run("a != b", { a: { x: 1 }, b: { x: 2 } })).toBe(true);
  });

  it("tests membership in lists, substrings and object keys", () => {
    expect(run('"auto" in ["auto", "home"]')).toBe(true);
    expect(run("[1] in [[1], [2]]")).toBe(true);
    expect(run('"ice" in "rice"')).toBe(true);
    expect(run('"x" in "rice"')).toBe(false);
    expect(run('"a" in o', { o: { a: 1 } })).toBe(true);
    expect(run('"toString" in o', { o: {} })).toBe(false);
    expect(run("1 in missing")).toBe(false);
  });

  it("short-circuits and returns operands like JavaScript", () => {
    expect(run('name || "friend"', { name: "" })).toBe("friend");
    expect(run('name || "friend"', { name: "Ann" })).toBe("Ann");
    expect(run("a && b", { a: 0, b: 1 })).toBe(0);
    expect(run('x ?? "none"')).toBe("none");
    expect(run('x ?? "none"', { x: 0 })).toBe(0);
    expect(run("vip ? 1 : 2", { vip: [] })).toBe(2);
  });

  it("uses JavaScript truthiness, except that an empty list is false", () => {
    const cond = (source: string, vars: Record<string, unknown> = {}) => evaluateCondition(parsed(source), { vars, now: NOW });
    expect(cond("x", { x: [] })).toBe(false);
    expect(cond("x", { x: [0] })).toBe(true);
    expect(cond("x", { x: {} })).toBe(true);
    expect(cond("x", { x: "" })).toBe(false);
    expect(cond("x", { x: 0 })).toBe(false);
    expect(cond("x")).toBe(false);
    expect(cond("!x", { x: "a" })).toBe(false);
  });

  it("builds lists from literals", () => {
    expect(run("[a, 1 + 1, null]", { a: "x" })).toEqual(["x", 2, null]);
  });
});

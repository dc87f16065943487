import { describe, expect, it } from "vitest";
import { checkExpression, type TypeEnv } from "./check";
import { parsed } from "./test-helpers";
import { expressionVariables } from "./variables";

const ENV: TypeEnv = {
  party_size: "integer",
  vip: "boolean",
  date: "date",
  time: "time",
  name: "string",
  email: "email",
  claim_type: "string",
  injured: "boolean",
  options: "list",
  caller: "object",
  extra: "any",
  price: "number",
};

const check = (source: string) => checkExpression(parsed(source), ENV);
const problemsOf = (source: string) => check(source).problems;

describe("checkExpression: well-typed conditions", () => {
  it.each([
    "party_size > 8 && !vip",
    "date >= today()",
    'claim_type == "auto" || injured',
    'date == "2026-11-27"',
    'time < "19:00"',
    "!name",
    "party_size * price / 2",
    'name + " " + party_size',
    "caller.address.city == name",
    'options[0] == "x"',
    '"auto" in options',
    '"a" in name',
    "extra + 1 > 3",
    "name == null",
    "vip ? 1 : 2.5",
    "spokenDate(addDays(date, 1))",
    'plural(party_size, "person", "people")',
    "max(party_size, 2) + min(options)",
  ])("%s has no problems", (source) => {
    expect(problemsOf(source)).toEqual([]);
  });
});

describe("checkExpression: result types", () => {
  it("infers the type of each form", () => {
    expect(check("party_size + 1").type).toBe("number");
    expect(check("party_size + party_size").type).toBe("integer");
    expect(check("party_size / party_size").type).toBe("number");
    expect(check('name + "!"').type).toBe("string");
    expect(check("party_size > 1").type).toBe("boolean");
    expect(check("today()").type).toBe("date");
    expect(check("now()").type).toBe("time");
    expect(check("len(options)").type).toBe("integer");
    expect(check("[1, 2]").type).toBe("list");
    expect(check("caller.name").type).toBe("any");
    expect(check("extra.name").type).toBe("any");
    expect(check("null").type).toBe("null");
    expect(check('name ?? "x"').type).toBe("string");
    expect(check("vip ? name : null").type).toBe("string");
    expect(check("vip ? name : 1").type).toBe("unknown");
    expect(check('default(name, "friend")').type).toBe("string");
    expect(check("unknown_thing + 1").type).toBe("unknown");
  });
});

describe("checkExpression: unknown variables", () => {
  it("reports the column and suggests the closest name", () => {
    expect(problemsOf("party_sise > 8")).toEqual([
      { code: "expr/unknown-variable", message: 'unknown variable "party_sise"; did you mean "party_size"?', offset: 0, column: 1 },
    ]);
    expect(problemsOf("vip && Injured")[0]).toMatchObject({ message: 'unknown variable "Injured"; did you mean "injured"?', column: 8 });
  });

  it("says how to fix a name with no close match", () => {
    expect(problemsOf("x > 1")[0]?.message).toBe('unknown variable "x"; declare it as a variable or a slot of the flow');
  });

  it("does not treat inherited names as declared", () => {
    expect(problemsOf("constructor")[0]?.code).toBe("expr/unknown-variable");
  });

  it("reports each unknown use once and nothing that follows from it", () => {
    const problems = problemsOf('lower(foo) == "x" && bar > 1');
    expect(problems.map((p) => [p.code, p.column])).toEqual([
      ["expr/unknown-variable", 7],
      ["expr/unknown-variable", 22],
    ]);
  });
});

describe("checkExpression: type mismatches", () => {
  it("reports arithmetic on text and booleans at the offending side", () => {
    expect(problemsOf("name * 2")).toEqual([
      { code: "expr/type-mismatch", message: '"*" needs numbers, but the left side is a string', offset: 0, column: 1 },
    ]);
    expect(problemsOf("party_size - vip")[0]).toMatchObject({ message: '"-" needs numbers, but the right side is a boolean', column: 14 });
    expect(problemsOf("vip + 1")[0]).toMatchObject({ message: "cannot add a boolean and a number", column: 1 });
    expect(problemsOf("-name")[0]).toMatchObject({ message: '"-" needs a number, but this is a string', column: 2 });
  });

  it("reports comparisons between incompatible types", () => {
    expect(problemsOf('party_size == "8"')[0]).toMatchObject({
      code: "expr/type-mismatch",
      message: "comparing an integer with a string is never true",
      column: 1,
    });
    expect(problemsOf("vip != 1")[0]?.message).toBe("comparing a boolean with a number is always true");
    expect(problemsOf('party_size > "8"')[0]?.message).toBe('cannot order an integer and a string with ">"');
    expect(problemsOf("vip > 1")[0]?.message).toBe('cannot order a boolean and a number with ">"');
    expect(problemsOf("date == time")[0]?.message).toBe("comparing a date with a time is never true");
    expect(problemsOf("date < 3")).toHaveLength(1);
  });

  it("reports membership in something that is not a list, text or object", () => {
    expect(problemsOf("1 in party_size")[0]).toMatchObject({ code: "expr/type-mismatch", column: 1 });
    expect(problemsOf("party_size in name")).toHaveLength(1);
  });

  it("reports property access on scalars", () => {
    expect(problemsOf("name.first")[0]).toMatchObject({
      message: 'cannot read property "first" of a string: only objects and lists have parts',
      column: 1,
    });
  });

  it("reports wrong argument counts with the signature", () => {
    expect(problemsOf('lower(name, "x")')[0]).toMatchObject({
      code: "expr/type-mismatch",
      message: '"lower" takes 1 argument, got 2: lower(text)',
      column: 1,
    });
    expect(problemsOf("vip && round()")[0]).toMatchObject({ message: '"round" takes 1 to 2 arguments, got 0: round(number, digits?)', column: 8 });
    expect(problemsOf("max()")[0]?.message).toBe('"max" takes at least 1 argument, got 0: max(a, b, ...) or max(list)');
    expect(problemsOf("today(1)")[0]?.message).toBe('"today" takes 0 arguments, got 1: today()');
  });

  it("reports wrong argument types at the argument", () => {
    expect(problemsOf("round(name)")[0]).toMatchObject({
      message: 'argument 1 of "round" should be a number, but is a string: round(number, digits?)',
      column: 7,
    });
    expect(problemsOf("spokenDate(party_size)")[0]?.message).toMatch(/^argument 1 of "spokenDate" should be an ISO date/);
    expect(problemsOf("len(vip)")[0]?.message).toMatch(/should be text, a list or an object, but is a boolean/);
    expect(problemsOf('join(name, ", ")')[0]?.column).toBe(6);
  });

  it("reports an unknown function in a hand-built tree", () => {
    const tree = { kind: "call", callee: "eval", args: [], start: 2, end: 8 } as const;
    expect(checkExpression(tree, ENV).problems[0]).toMatchObject({ code: "expr/unknown-function", column: 3 });
  });
});

describe("expressionVariables", () => {
  it("lists every variable use with its column, in source order", () => {
    expect(expressionVariables(parsed("party_size > 8 && !vip || lower(caller.name) in options[i]"))).toEqual([
      { name: "party_size", offset: 0, column: 1 },
      { name: "vip", offset: 19, column: 20 },
      { name: "caller", offset: 32, column: 33 },
      { name: "options", offset: 48, column: 49 },
      { name: "i", offset: 56, column: 57 },
    ]);
  });

  it("ignores function names and property names", () => {
    expect(expressionVariables(parsed("today() == a.today")).map((v) => v.name)).toEqual(["a"]);
  });
});

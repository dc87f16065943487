import { describe, expect, it } from "vitest";
import { BUILTIN_FUNCTIONS, BUILTINS } from "./builtins";
import { evaluate } from "./evaluate";
import { parsed } from "./test-helpers";
import type { Value } from "./values";

// Wednesday 25 November 2026, 18:45 UTC.
const NOW = new Date("2026-11-25T18:45:09Z");

function run(source: string, vars: Record<string, unknown> = {}): Value {
  return evaluate(parsed(source), { vars, now: NOW });
}

describe("built-in functions", () => {
  it("whitelists exactly the documented functions", () => {
    expect([...BUILTIN_FUNCTIONS].sort()).toEqual(
      [
        "len", "lower", "upper", "trim", "contains", "startsWith", "endsWith", "round", "floor", "ceil", "abs",
        "min", "max", "number", "string", "default", "today", "now", "addDays", "weekday", "spokenDate",
        "spokenTime", "join", "plural",
      ].sort(),
    );
    for (const name of BUILTIN_FUNCTIONS) expect(BUILTINS.get(name)?.signature).toMatch(new RegExp(`^${name}\\(`));
  });

  it("len counts characters, items and keys; null has length 0", () => {
    expect(run('len("hello")')).toBe(5);
    expect(run("len([1, 2, 3])")).toBe(3);
    expect(run("len(o)", { o: { a: 1, b: 2 } })).toBe(2);
    expect(run("len(missing)")).toBe(0);
  });

  it("lower, upper and trim work on text and read null as empty", () => {
    expect(run('lower("HeLLo")')).toBe("hello");
    expect(run('upper("abc")')).toBe("ABC");
    expect(run('trim("  a b  ")')).toBe("a b");
    expect(run("lower(missing)")).toBe("");
    expect(run("upper(12)")).toBe("12");
  });

  it("contains finds items in lists and substrings in text", () => {
    expect(run('contains(["a", "b"], "b")')).toBe(true);
    expect(run('contains("window seat", "window")')).toBe(true);
    expect(run('contains("window seat", "aisle")')).toBe(false);
    expect(run("contains(missing, 1)")).toBe(false);
  });

  it("startsWith and endsWith test text", () => {
    expect(run('startsWith("+44 20", "+44")')).toBe(true);
    expect(run('endsWith("a@b.com", ".org")')).toBe(false);
    expect(run('startsWith(missing, "")')).toBe(false);
  });

  it("round rounds half away from zero, to optional digits", () => {
    expect(run("round(2.5)")).toBe(3);
    expect(run("round(-2.5)")).toBe(-3);
    expect(run("round(1.005, 2)")).toBe(1.01);
    expect(run("round(3.14159, 3)")).toBe(3.142);
    expect(run('round("x")')).toBeNull();
  });

  it("floor, ceil and abs", () => {
    expect(run("floor(2.7)")).toBe(2);
    expect(run("ceil(2.1)")).toBe(3);
    expect(run("abs(-4)")).toBe(4);
    expect(run("abs(missing)")).toBeNull();
  });

  it("min and max take numbers or one list, ignoring non-numbers", () => {
    expect(run("min(3, 1, 2)")).toBe(1);
    expect(run("max([3, 7, 2])")).toBe(7);
    expect(run('max(1, "9", null)')).toBe(1);
    expect(run("min([])")).toBeNull();
  });

  it("number parses text and gives null for anything else", () => {
    expect(run('number(" 12.5 ")')).toBe(12.5);
    expect(run('number("twelve")')).toBeNull();
    expect(run('number("")')).toBeNull();
    expect(run("number(true)")).toBe(1);
    expect(run("number(missing)")).toBeNull();
  });

  it("string writes any value as text", () => {
    expect(run("string(2.50)")).toBe("2.5");
    expect(run("string(missing)")).toBe("");
    expect(run("string(true)")).toBe("true");
    expect(run("string([1, 2])")).toBe("1, 2");
  });

  it("default replaces null and empty text", () => {
    expect(run('default(name, "friend")')).toBe("friend");
    expect(run('default(name, "friend")', { name: "" })).toBe("friend");
    expect(run('default(name, "friend")', { name: "Ann" })).toBe("Ann");
    expect(run("default(n, 1)", { n: 0 })).toBe(0);
  });

  it("today and now read the scope's clock in UTC", () => {
    expect(run("today()")).toBe("2026-11-25");
    expect(run("now()")).toBe("18:45");
  });

  it("addDays does calendar arithmetic across months and years", () => {
    expect(run("addDays(today(), 1)")).toBe("2026-11-26");
    expect(run('addDays("2026-12-31", 1)')).toBe("2027-01-01");
    expect(run('addDays("2028-03-01", -1)')).toBe("2028-02-29");
    expect(run('addDays("2026-02-30", 1)')).toBeNull();
    expect(run('addDays("soon", 1)')).toBeNull();
  });

  it("weekday and spokenDate name the day", () => {
    expect(run('weekday("2026-11-27")')).toBe("Friday");
    expect(run('spokenDate("2026-11-27")')).toBe("Friday, November 27");
    expect(run('spokenDate("2026-11-27T10:00:00Z")')).toBe("Friday, November 27");
    expect(run("spokenDate(missing)")).toBeNull();
  });

  it("spokenTime says times the way people do", () => {
    expect(run('spokenTime("19:30")')).toBe("7:30 pm");
    expect(run('spokenTime("19:00")')).toBe("7 pm");
    expect(run('spokenTime("00:15")')).toBe("12:15 am");
    expect(run('spokenTime("12:00")')).toBe("12 pm");
    expect(run('spokenTime("9:05:30")')).toBe("9:05 am");
    expect(run('spokenTime("25:00")')).toBeNull();
  });

  it("join joins items with a separator, \", \" by default", () => {
    expect(run('join(["a", "b"], " or ")')).toBe("a or b");
    expect(run("join([1, 2.5, null])")).toBe("1, 2.5, ");
  });

  it("plural picks the word for a count", () => {
    expect(run('plural(1, "person", "people")')).toBe("person");
    expect(run('plural(4, "person", "people")')).toBe("people");
    expect(run('plural(0, "person", "people")')).toBe("people");
  });

  it("never throws for missing or wrong arguments", () => {
    for (const name of BUILTIN_FUNCTIONS) {
      for (const args of ["", "null", "1, 2, 3, 4", '"x", []']) {
        expect(() => run(`${name}(${args})`), `${name}(${args})`).not.toThrow();
      }
    }
  });
});

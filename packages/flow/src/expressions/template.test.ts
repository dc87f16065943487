import { describe, expect, it } from "vitest";
import type { TypeEnv } from "./check";
import { checkTemplate, parseTemplate, renderTemplate, templateVariables, type Template } from "./template";

const NOW = new Date("2026-11-25T18:45:00Z");

function template(source: string): Template {
  const result = parseTemplate(source);
  if (!result.ok) throw new Error(`expected the template to parse: ${result.error.message}`);
  return result.template;
}

function errorOf(source: string) {
  const result = parseTemplate(source);
  if (result.ok) throw new Error("expected the template to fail");
  return result.error;
}

const render = (source: string, vars: Record<string, unknown> = {}) => renderTemplate(template(source), { vars, now: NOW });

describe("parseTemplate", () => {
  it("splits text and expressions, with spans in the whole template", () => {
    const t = template("A table for {{ party_size }}, right?");
    expect(t.segments).toMatchObject([
      { kind: "text", text: "A table for ", start: 0, end: 12 },
      { kind: "expression", source: " party_size ", start: 12, end: 28, expr: { kind: "variable", start: 15, end: 25 } },
      { kind: "text", text: ", right?", start: 28, end: 36 },
    ]);
  });

  it("keeps plain text as one segment and an empty template as none", () => {
    expect(template("Hello there.").segments).toEqual([{ kind: "text", text: "Hello there.", start: 0, end: 12 }]);
    expect(template("").segments).toEqual([]);
  });

  it("turns \\{{ into literal braces", () => {
    expect(render("Write \\{{ name }} literally, {{ name }}", { name: "Ann" })).toBe("Write {{ name }} literally, Ann");
  });

  it("finds the closing braces after strings that contain them", () => {
    expect(render('{{ "}}" + x }}!', { x: "a" })).toBe("}}a!");
  });

  it("leaves lone braces and closing braces in text alone", () => {
    expect(render("{ a } }} {x}")).toBe("{ a } }} {x}");
  });
});

describe("parseTemplate: errors point into the whole template", () => {
  it("reports an unclosed {{ at its column", () => {
    expect(errorOf("Hi {{ name, welcome")).toEqual({
      code: "expr/syntax",
      message: 'unclosed "{{" opened at column 4: close it with "}}", or write \\{{ for literal braces',
      offset: 3,
      column: 4,
    });
  });

  it("reports an empty {{ }}", () => {
    expect(errorOf("Hi {{  }} there")).toMatchObject({ column: 4, message: 'empty "{{ }}" at column 4: put an expression inside, or write \\{{ for literal braces' });
  });

  it("reports expression errors at their column in the template", () => {
    expect(errorOf("On {{ spokenDate(date }} then")).toMatchObject({
      code: "expr/syntax",
      message: 'expected ")" to close the call of "spokenDate" opened at column 17, found end of expression',
      column: 23, // the "}}" where the expression ends
    });
    expect(errorOf("Ok {{ a }} and {{ lowr(b) }}")).toMatchObject({ code: "expr/unknown-function", column: 19 });
    expect(errorOf('x {{ "abc }}')).toMatchObject({ message: 'unterminated string opened at column 6: close it with "', column: 6 });
  });
});

describe("renderTemplate: speech-friendly values", () => {
  it("renders the example prompt", () => {
    expect(render("A table for {{ party_size }} on {{ spokenDate(date) }}, right?", { party_size: 4, date: "2026-11-27" })).toBe(
      "A table for 4 on Friday, November 27, right?",
    );
  });

  it("says nothing for null and missing values", () => {
    expect(render("Hello {{ name }}!")).toBe("Hello !");
  });

  it("writes numbers without trailing zeros or floating noise", () => {
    expect(render("{{ a }} {{ b }} {{ c }}", { a: 2.5, b: 3, c: 0.1 })).toBe("2.5 3 0.1");
    expect(render("{{ 0.1 + 0.2 }}")).toBe("0.3");
  });

  it("says yes and no for booleans", () => {
    expect(render("VIP: {{ vip }}, injured: {{ injured }}", { vip: true, injured: false })).toBe("VIP: yes, injured: no");
  });

  it("joins lists with commas and a final and", () => {
    expect(render("{{ xs }}", { xs: ["pasta", "salad", "soup"] })).toBe("pasta, salad and soup");
    expect(render("{{ xs }}", { xs: ["pasta", "salad"] })).toBe("pasta and salad");
    expect(render("{{ xs }}", { xs: ["pasta"] })).toBe("pasta");
    expect(render("{{ xs }}", { xs: [] })).toBe("");
  });

  it("says nothing for objects", () => {
    expect(render("[{{ o }}]", { o: { a: 1 } })).toBe("[]");
  });

  it("uses plural and spokenTime inside prompts", () => {
    expect(render('{{ n }} {{ plural(n, "person", "people") }} at {{ spokenTime(t) }}', { n: 1, t: "19:00" })).toBe("1 person at 7 pm");
  });
});

describe("checkTemplate and templateVariables", () => {
  const env: TypeEnv = { party_size: "integer", date: "date", name: "string" };

  it("reports problems with columns in the whole template", () => {
    expect(checkTemplate(template("For {{ party_sise }} on {{ spokenDate(party_size) }}"), env)).toEqual([
      { code: "expr/unknown-variable", message: 'unknown variable "party_sise"; did you mean "party_size"?', offset: 7, column: 8 },
      {
        code: "expr/type-mismatch",
        message: 'argument 1 of "spokenDate" should be an ISO date ("2026-11-27"), but is an integer: spokenDate(isoDate)',
        offset: 38,
        column: 39,
      },
    ]);
  });

  it("finds no problems in a well-typed template", () => {
    expect(checkTemplate(template("Hi {{ name }}, {{ party_size + 1 }} seats"), env)).toEqual([]);
  });

  it("lists variables with columns in the whole template", () => {
    expect(templateVariables(template("{{ a }} and {{ b + a }}"))).toEqual([
      { name: "a", offset: 3, column: 4 },
      { name: "b", offset: 15, column: 16 },
      { name: "a", offset: 19, column: 20 },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { parseExpression } from "./parser";

function errorOf(source: string) {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`expected "${source}" to fail`);
  return result.error;
}

describe("parseExpression: syntax errors name the problem and its column", () => {
  it("points at the end of an unclosed call, naming the function and where it opened", () => {
    expect(errorOf("x + lower(name")).toEqual({
      code: "expr/syntax",
      message: 'expected ")" to close the call of "lower" opened at column 10, found end of expression',
      offset: 14,
      column: 15,
    });
  });

  it("reports an unexpected token inside a call's arguments", () => {
    const error = errorOf("lower(a b)");
    expect(error.message).toBe('expected ")" to close the call of "lower" opened at column 6, found "b"');
    expect(error.column).toBe(9);
  });

  it("reports an unclosed parenthesis", () => {
    const error = errorOf("(a + b");
    expect(error.message).toBe('expected ")" to close the parenthesis opened at column 1, found end of expression');
    expect(error.column).toBe(7);
  });

  it("reports an unclosed list and index", () => {
    expect(errorOf("[1, 2")).toMatchObject({ message: 'expected "]" to close the list opened at column 1, found end of expression', column: 6 });
    expect(errorOf("items[0")).toMatchObject({ message: 'expected "]" to close the index opened at column 6, found end of expression', column: 8 });
  });

  it("reports a ternary without its colon", () => {
    expect(errorOf("vip ? 1 2")).toMatchObject({ message: 'expected ":" after the "?" at column 5, found number 2', column: 9 });
  });

  it("reports a missing operand after an operator", () => {
    expect(errorOf("a &&")).toMatchObject({ message: 'expected an expression after "&&", found end of expression', column: 5 });
    expect(errorOf("a * )")).toMatchObject({ message: 'expected an expression after "*", found ")"', column: 5 });
    expect(errorOf(")")).toMatchObject({ message: 'expected an expression, found ")"', column: 1 });
  });

  it("reports two operands with no operator between them", () => {
    expect(errorOf("party_size 8")).toMatchObject({
      message: "expected an operator or the end of the expression, found number 8",
      column: 12,
    });
    expect(errorOf('a "b"')).toMatchObject({ message: 'expected an operator or the end of the expression, found string "b"', column: 3 });
  });

  it("reports a missing property name after a dot", () => {
    expect(errorOf("caller.")).toMatchObject({ message: 'expected a property name after ".", found end of expression', column: 8 });
    expect(errorOf("caller.1")).toMatchObject({ message: 'expected a property name after ".", found number 1', column: 8 });
  });

  it("rejects calling anything but a built-in by name", () => {
    expect(errorOf("caller.name(1)")).toMatchObject({
      code: "expr/syntax",
      message: "only built-in functions can be called, by name, as in lower(name)",
      column: 12,
    });
  });

  it("reports an empty expression", () => {
    expect(errorOf("   ")).toMatchObject({ message: "the expression is empty", column: 4 });
    expect(errorOf("")).toMatchObject({ message: "the expression is empty", column: 1 });
  });
});

describe("parseExpression: lexical errors", () => {
  it("reports an unterminated string at its opening quote", () => {
    expect(errorOf('name == "Bob')).toMatchObject({ message: 'unterminated string opened at column 9: close it with "', column: 9 });
    expect(errorOf("'x")).toMatchObject({ message: "unterminated string opened at column 1: close it with '", column: 1 });
  });

  it("reports an unknown escape at the backslash", () => {
    expect(errorOf('"a\\qb"')).toMatchObject({ column: 3 });
    expect(errorOf('"a\\qb"').message).toMatch(/^unknown escape "\\q" in a string/);
  });

  it("explains operators from other languages", () => {
    expect(errorOf("a = 1")).toMatchObject({ message: 'unexpected "=": use "==" to compare (expressions cannot assign)', column: 3 });
    expect(errorOf("a === 1")).toMatchObject({ message: '"===" is not needed: "==" already compares strictly', column: 3 });
    expect(errorOf("a !== 1")).toMatchObject({ message: '"!==" is not needed: "!=" already compares strictly', column: 3 });
    expect(errorOf("a & b")).toMatchObject({ message: 'unexpected "&": use "&&" (or "and")', column: 3 });
    expect(errorOf("a | b")).toMatchObject({ message: 'unexpected "|": use "||" (or "or")', column: 3 });
  });

  it("reports unknown characters and malformed numbers", () => {
    expect(errorOf("a # b")).toMatchObject({ message: 'unexpected character "#"', column: 3 });
    expect(errorOf("x + 3abc")).toMatchObject({ message: 'invalid number "3a": a name cannot start with a digit', column: 5 });
  });
});

describe("parseExpression: unknown functions", () => {
  it("suggests the closest built-in", () => {
    expect(errorOf("x && lowr(name)")).toEqual({
      code: "expr/unknown-function",
      message: 'unknown function "lowr"; did you mean "lower"?',
      offset: 5,
      column: 6,
    });
  });

  it("lists the built-ins when nothing is close", () => {
    const error = errorOf("exec('rm')");
    expect(error.code).toBe("expr/unknown-function");
    expect(error.message).toMatch(/^unknown function "exec"; the functions are len, lower, upper/);
    expect(error.column).toBe(1);
  });

  it("refuses eval and Function as functions", () => {
    expect(errorOf("eval('1')").code).toBe("expr/unknown-function");
    expect(errorOf("Function('return 1')").code).toBe("expr/unknown-function");
  });
});

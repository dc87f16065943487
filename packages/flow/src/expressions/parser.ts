/**
 * A Pratt parser for the expression language. Precedence follows JavaScript, loosest first:
 * `?:`, `??`, `||`/`or`, `&&`/`and`, `==` `!=`, `<` `<=` `>` `>=` `in`, `+` `-`, `*` `/` `%`,
 * prefix `!`/`not`/`-`, then member access, index and calls. (`??` binds looser than `||`
 * rather than forbidding the mix as JavaScript does.)
 */
import type { BinaryOperator, ExpressionNode, LogicalOperator } from "./ast";
import { BUILTINS, BUILTIN_FUNCTIONS } from "./builtins";
import { expressionError, type ExpressionError } from "./errors";
import { tokenize, type Token } from "./lexer";
import { didYouMean } from "./suggest";

export type ParseExpressionResult = { ok: true; expr: ExpressionNode } | { ok: false; error: ExpressionError };

type InfixOperator = BinaryOperator | LogicalOperator;

const INFIX: ReadonlyMap<string, { op: InfixOperator; power: number }> = new Map([
  ["??", { op: "??", power: 2 }],
  ["||", { op: "||", power: 3 }],
  ["or", { op: "||", power: 3 }],
  ["&&", { op: "&&", power: 4 }],
  ["and", { op: "&&", power: 4 }],
  ["==", { op: "==", power: 5 }],
  ["!=", { op: "!=", power: 5 }],
  ["<", { op: "<", power: 6 }],
  ["<=", { op: "<=", power: 6 }],
  [">", { op: ">", power: 6 }],
  [">=", { op: ">=", power: 6 }],
  ["in", { op: "in", power: 6 }],
  ["+", { op: "+", power: 7 }],
  ["-", { op: "-", power: 7 }],
  ["*", { op: "*", power: 8 }],
  ["/", { op: "/", power: 8 }],
  ["%", { op: "%", power: 8 }],
]);

const MAX_DEPTH = 100;

/** Thrown inside the parser only, and always caught by parseExpression. */
class ParseFailure {
  constructor(readonly error: ExpressionError) {}
}

function describe(token: Token): string {
  switch (token.kind) {
    case "end":
      return "end of expression";
    case "string":
      return `string ${token.text.length > 20 ? `${token.text.slice(0, 17)}...` : token.text}`;
    case "number":
      return `number ${token.text}`;
    default:
      return `"${token.text}"`;
  }
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private get current(): Token {
    // The token list always ends with an "end" token, which is never consumed.
    return this.tokens[this.pos] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private atEnd(): boolean {
    return this.current.kind === "end";
  }

  private is(text: string): boolean {
    const t = this.current;
    return (t.kind === "punct" || t.kind === "keyword") && t.text === text;
  }

  private next(): Token {
    const t = this.current;
    if (t.kind !== "end") this.pos++;
    return t;
  }

  private fail(message: string, at: number, code: ExpressionError["code"] = "expr/syntax"): never {
    throw new ParseFailure(expressionError(code, message, at));
  }

  private expect(text: string, what: string): Token {
    if (this.is(text)) return this.next();
    return this.fail(`expected "${text}" ${what}, found ${describe(this.current)}`, this.current.start);
  }

  parseAll(): ExpressionNode {
    if (this.atEnd()) this.fail("the expression is empty", this.current.start);
    const expr = this.parseConditional();
    if (!this.atEnd()) {
      this.fail(`expected an operator or the end of the expression, found ${describe(this.current)}`, this.current.start);
    }
    return expr;
  }

  private parseConditional(): ExpressionNode {
    if (++this.depth > MAX_DEPTH) this.fail(`the expression nests too deeply (over ${MAX_DEPTH} levels)`, this.current.start);
    const test = this.parseBinary(0);
    let result = test;
    if (this.is("?")) {
      const question = this.next();
      const consequent = this.parseConditional();
      this.expect(":", `after the "?" at column ${question.start + 1}`);
      const alternate = this.parseConditional();
      result = { kind: "conditional", test, consequent, alternate, start: test.start, end: alternate.end };
    }
    this.depth--;
    return result;
  }

  private parseBinary(minPower: number): ExpressionNode {
    let left = this.parseUnary();
    for (;;) {
      const t = this.current;
      const infix = t.kind === "punct" || t.kind === "keyword" ? INFIX.get(t.text) : undefined;
      if (!infix || infix.power <= minPower) return left;
      this.next();
      const right = this.parseBinary(infix.power);
      const span = { start: left.start, end: right.end };
      left =
        infix.op === "&&" || infix.op === "||" || infix.op === "??"
          ? { kind: "logical", op: infix.op, left, right, ...span }
          : { kind: "binary", op: infix.op, left, right, ...span };
    }
  }

  private parseUnary(): ExpressionNode {
    const t = this.current;
    if (this.is("!") || this.is("not") || this.is("-")) {
      if (++this.depth > MAX_DEPTH) this.fail(`the expression nests too deeply (over ${MAX_DEPTH} levels)`, t.start);
      this.next();
      const operand = this.parseUnary();
      this.depth--;
      if (t.text === "-" && operand.kind === "literal" && typeof operand.value === "number") {
        return { kind: "literal", value: -operand.value, start: t.start, end: operand.end };
      }
      return { kind: "unary", op: t.text === "-" ? "-" : "!", operand, start: t.start, end: operand.end };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(expr: ExpressionNode): ExpressionNode {
    let object = expr;
    for (;;) {
      if (this.is(".")) {
        this.next();
        const name = this.current;
        if (name.kind !== "identifier" && name.kind !== "keyword") {
          this.fail(`expected a property name after ".", found ${describe(name)}`, name.start);
        }
        this.next();
        object = { kind: "member", object, property: name.text, propertyStart: name.start, start: object.start, end: name.end };
      } else if (this.is("[")) {
        const open = this.next();
        const index = this.parseConditional();
        const close = this.expect("]", `to close the index opened at column ${open.start + 1}`);
        object = { kind: "index", object, index, start: object.start, end: close.end };
      } else if (this.is("(")) {
        this.fail('only built-in functions can be called, by name, as in lower(name)', this.current.start);
      } else {
        return object;
      }
    }
  }

  private parsePrimary(): ExpressionNode {
    const t = this.current;
    if (t.kind === "number" || t.kind === "string") {
      this.next();
      return { kind: "literal", value: t.value, start: t.start, end: t.end };
    }
    if (t.kind === "keyword" && (t.text === "true" || t.text === "false" || t.text === "null")) {
      this.next();
      return { kind: "literal", value: t.text === "null" ? null : t.text === "true", start: t.start, end: t.end };
    }
    if (t.kind === "identifier") {
      this.next();
      if (this.is("(")) return this.parseCall(t);
      return { kind: "variable", name: t.text, start: t.start, end: t.end };
    }
    if (this.is("(")) {
      const open = this.next();
      const inner = this.parseConditional();
      this.expect(")", `to close the parenthesis opened at column ${open.start + 1}`);
      return inner;
    }
    if (this.is("[")) {
      const open = this.next();
      const items = this.parseItems("]", `to close the list opened at column ${open.start + 1}`);
      return { kind: "list", items, start: open.start, end: this.tokens[this.pos - 1]?.end ?? open.end };
    }
    const previous = this.tokens[this.pos - 1];
    const after = previous ? ` after "${previous.text}"` : "";
    return this.fail(`expected an expression${after}, found ${describe(t)}`, t.start);
  }

  private parseCall(name: Token): ExpressionNode {
    if (!BUILTINS.has(name.text)) {
      const hint = didYouMean(name.text, BUILTIN_FUNCTIONS) || `; the functions are ${BUILTIN_FUNCTIONS.join(", ")}`;
      this.fail(`unknown function "${name.text}"${hint}`, name.start, "expr/unknown-function");
    }
    const open = this.next();
    const args = this.parseItems(")", `to close the call of "${name.text}" opened at column ${open.start + 1}`);
    const end = this.tokens[this.pos - 1]?.end ?? open.end;
    return { kind: "call", callee: name.text, args, start: name.start, end };
  }

  /** Comma-separated expressions up to `close` (consumed). A trailing comma is allowed. */
  private parseItems(close: string, what: string): ExpressionNode[] {
    const items: ExpressionNode[] = [];
    while (!this.is(close)) {
      if (this.atEnd()) this.expect(close, what);
      items.push(this.parseConditional());
      if (!this.is(",")) break;
      this.next();
    }
    this.expect(close, what);
    return items;
  }
}

/** Parses `source[from, to)`; offsets in the tree and the error are relative to `source`. Never throws. */
export function parseExpressionRange(source: string, from: number, to: number): ParseExpressionResult {
  const lexed = tokenize(source, from, to);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, expr: new Parser(lexed.tokens).parseAll() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    throw e;
  }
}

/** Parses an expression such as `party_size > 8 && !vip`. Never throws for bad input. */
export function parseExpression(source: string): ParseExpressionResult {
  return parseExpressionRange(source, 0, source.length);
}

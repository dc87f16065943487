/**
 * Static checks of a parsed expression against the declared variable types: unknown variables
 * (with a suggestion), wrong arguments to built-ins, arithmetic and comparisons on the wrong
 * types. Open types (any, unknown, null) never cause a mismatch.
 */
import type { BinaryNode, CallNode, ExpressionNode } from "./ast";
import { BUILTINS } from "./builtins";
import { expressionProblem, type ExpressionProblem } from "./errors";
import { didYouMean } from "./suggest";
import {
  accepts,
  describeParam,
  describeType,
  isNumeric,
  isOpen,
  isTextual,
  unionType,
  type ExpressionType,
} from "./types";
import type { ValueType } from "../schema/primitives";

export type TypeEnv = Readonly<Record<string, ValueType>>;

export interface CheckResult {
  readonly type: ExpressionType;
  readonly problems: ExpressionProblem[];
}

export function checkExpression(expr: ExpressionNode, env: TypeEnv): CheckResult {
  const problems: ExpressionProblem[] = [];
  const type = new Checker(env, problems).typeOf(expr);
  return { type, problems };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

class Checker {
  constructor(
    private readonly env: TypeEnv,
    private readonly problems: ExpressionProblem[],
  ) {}

  private mismatch(message: string, offset: number): ExpressionType {
    this.problems.push(expressionProblem("expr/type-mismatch", message, offset));
    return "unknown";
  }

  typeOf(expr: ExpressionNode): ExpressionType {
    switch (expr.kind) {
      case "literal":
        if (expr.value === null) return "null";
        return typeof expr.value === "number" ? "number" : typeof expr.value === "string" ? "string" : "boolean";
      case "list":
        for (const item of expr.items) this.typeOf(item);
        return "list";
      case "variable":
        return this.variable(expr.name, expr.start);
      case "member":
      case "index": {
        const object = this.typeOf(expr.object);
        if (expr.kind === "index") this.typeOf(expr.index);
        if (object === "unknown") return "unknown";
        if (object === "list" || object === "object" || object === "any" || object === "null") return "any";
        const what = expr.kind === "member" ? `property "${expr.property}"` : "an index";
        return this.mismatch(`cannot read ${what} of ${describeType(object)}: only objects and lists have parts`, expr.start);
      }
      case "call":
        return this.call(expr);
      case "unary": {
        const operand = this.typeOf(expr.operand);
        if (expr.op === "!") return "boolean"; // any value has a truthiness
        if (isNumeric(operand)) return operand;
        if (isOpen(operand)) return "number";
        return this.mismatch(`"-" needs a number, but this is ${describeType(operand)}`, expr.operand.start);
      }
      case "binary":
        return this.binary(expr);
      case "logical": {
        const left = this.typeOf(expr.left);
        const right = this.typeOf(expr.right);
        // `a ?? b` is b's type when a is the null literal; otherwise either side may come out.
        return unionType(left, right);
      }
      case "conditional":
        this.typeOf(expr.test);
        return unionType(this.typeOf(expr.consequent), this.typeOf(expr.alternate));
    }
  }

  private variable(name: string, offset: number): ExpressionType {
    if (Object.hasOwn(this.env, name)) return this.env[name] ?? "unknown";
    const hint = didYouMean(name, Object.keys(this.env)) || "; declare it as a variable or a slot of the flow";
    this.problems.push(expressionProblem("expr/unknown-variable", `unknown variable "${name}"${hint}`, offset));
    return "unknown";
  }

  private call(expr: CallNode): ExpressionType {
    const argTypes = expr.args.map((a) => this.typeOf(a));
    const fn = BUILTINS.get(expr.callee);
    if (!fn) {
      this.problems.push(expressionProblem("expr/unknown-function", `unknown function "${expr.callee}"`, expr.start));
      return "unknown";
    }
    const max = fn.rest ? Infinity : fn.params.length;
    if (argTypes.length < fn.required || argTypes.length > max) {
      const expected =
        fn.required === max ? plural(fn.required, "argument") : max === Infinity ? `at least ${plural(fn.required, "argument")}` : `${fn.required} to ${plural(max, "argument")}`;
      this.mismatch(`"${fn.name}" takes ${expected}, got ${argTypes.length}: ${fn.signature}`, expr.start);
    }
    argTypes.forEach((t, i) => {
      const param = fn.params[i] ?? fn.rest;
      const arg = expr.args[i];
      if (param && arg && !accepts(param, t)) {
        this.mismatch(`argument ${i + 1} of "${fn.name}" should be ${describeParam(param)}, but is ${describeType(t)}: ${fn.signature}`, arg.start);
      }
    });
    return typeof fn.returns === "function" ? fn.returns(argTypes) : fn.returns;
  }

  private binary(expr: BinaryNode): ExpressionType {
    const left = this.typeOf(expr.left);
    const right = this.typeOf(expr.right);
    const { op } = expr;
    if (left === "unknown" || right === "unknown") return isComparison(op) ? "boolean" : "unknown";
    switch (op) {
      case "+":
        if (isNumeric(left) && isNumeric(right)) return left === "integer" && right === "integer" ? "integer" : "number";
        if (isTextual(left) || isTextual(right)) return "string";
        if (left === "list" && right === "list") return "list";
        if (isOpen(left) || isOpen(right)) return "unknown";
        return this.mismatch(`cannot add ${describeType(left)} and ${describeType(right)}`, expr.start);
      case "-":
      case "*":
      case "/":
      case "%": {
        const bad = [left, right].findIndex((t) => !isNumeric(t) && !isOpen(t));
        if (bad >= 0) {
          const side = bad === 0 ? expr.left : expr.right;
          return this.mismatch(`"${op}" needs numbers, but ${bad === 0 ? "the left" : "the right"} side is ${describeType(bad === 0 ? left : right)}`, side.start);
        }
        return left === "integer" && right === "integer" && op !== "/" ? "integer" : "number";
      }
      case "<":
      case "<=":
      case ">":
      case ">=":
        if (!orderable(left) || !orderable(right) || !comparable(left, right)) {
          this.mismatch(`cannot order ${describeType(left)} and ${describeType(right)} with "${op}"`, expr.start);
        }
        return "boolean";
      case "==":
      case "!=":
        if (!comparable(left, right)) {
          const never = op === "==" ? "is never true" : "is always true";
          this.mismatch(`comparing ${describeType(left)} with ${describeType(right)} ${never}`, expr.start);
        }
        return "boolean";
      case "in":
        if (!(isOpen(right) || right === "list" || right === "object" || (isTextual(right) && (isTextual(left) || isOpen(left))))) {
          this.mismatch(`"in" needs a list, text or an object on its right, with text on the left for text; got ${describeType(left)} in ${describeType(right)}`, expr.start);
        }
        return "boolean";
    }
  }
}

function isComparison(op: BinaryNode["op"]): boolean {
  return op === "<" || op === "<=" || op === ">" || op === ">=" || op === "==" || op === "!=" || op === "in";
}

const orderable = (t: ExpressionType): boolean => isOpen(t) || isNumeric(t) || isTextual(t);

/** Whether values of the two types can ever be equal (date/time vs plain string is fine). */
function comparable(a: ExpressionType, b: ExpressionType): boolean {
  if (isOpen(a) || isOpen(b) || a === b) return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  if (isTextual(a) && isTextual(b)) return a === "string" || b === "string";
  return false;
}

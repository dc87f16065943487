/**
 * Evaluates a parsed expression against a scope. A tree walk with no parsing and no closures
 * per call: the compiled form just keeps the tree. Never throws for any data in the scope.
 */
import type { ExpressionNode } from "./ast";
import { BUILTINS } from "./builtins";
import { applyBinary } from "./operators";
import { getIndex, getMember, isTruthy, readOwn, type Scope, type Value } from "./values";

export function evaluate(expr: ExpressionNode, scope: Scope): Value {
  switch (expr.kind) {
    case "literal":
      return expr.value;
    case "variable":
      return readOwn(scope.vars, expr.name);
    case "list":
      return expr.items.map((item) => evaluate(item, scope));
    case "member":
      return getMember(evaluate(expr.object, scope), expr.property);
    case "index":
      return getIndex(evaluate(expr.object, scope), evaluate(expr.index, scope));
    case "call": {
      const fn = BUILTINS.get(expr.callee);
      if (!fn) return null; // the parser rejects unknown functions; a hand-built tree may not
      const args: Value[] = new Array<Value>(expr.args.length);
      for (let i = 0; i < expr.args.length; i++) args[i] = evaluate(expr.args[i] as ExpressionNode, scope);
      return fn.call(args, scope);
    }
    case "unary": {
      const v = evaluate(expr.operand, scope);
      if (expr.op === "!") return !isTruthy(v);
      return typeof v === "number" ? -v : null;
    }
    case "binary":
      return applyBinary(expr.op, evaluate(expr.left, scope), evaluate(expr.right, scope));
    case "logical": {
      const left = evaluate(expr.left, scope);
      if (expr.op === "&&") return isTruthy(left) ? evaluate(expr.right, scope) : left;
      if (expr.op === "||") return isTruthy(left) ? left : evaluate(expr.right, scope);
      return left === null ? evaluate(expr.right, scope) : left;
    }
    case "conditional":
      return isTruthy(evaluate(expr.test, scope)) ? evaluate(expr.consequent, scope) : evaluate(expr.alternate, scope);
  }
}

/** Evaluates a condition to a boolean by truthiness. */
export function evaluateCondition(expr: ExpressionNode, scope: Scope): boolean {
  return isTruthy(evaluate(expr, scope));
}

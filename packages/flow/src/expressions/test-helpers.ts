/** Shared by the tests of this folder: parse-or-fail and a compact printout of trees. */
import type { ExpressionNode } from "./ast";
import { parseExpression } from "./parser";

export function parsed(source: string): ExpressionNode {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`expected "${source}" to parse: ${result.error.message}`);
  return result.expr;
}

/** Fully parenthesised form, to assert precedence: `a + b * c` → `(a + (b * c))`. */
export function show(expr: ExpressionNode): string {
  switch (expr.kind) {
    case "literal":
      return JSON.stringify(expr.value);
    case "list":
      return `[${expr.items.map(show).join(", ")}]`;
    case "variable":
      return expr.name;
    case "member":
      return `${show(expr.object)}.${expr.property}`;
    case "index":
      return `${show(expr.object)}[${show(expr.index)}]`;
    case "call":
      return `${expr.callee}(${expr.args.map(show).join(", ")})`;
    case "unary":
      return `(${expr.op}${show(expr.operand)})`;
    case "binary":
    case "logical":
      return `(${show(expr.left)} ${expr.op} ${show(expr.right)})`;
    case "conditional":
      return `(${show(expr.test)} ? ${show(expr.consequent)} : ${show(expr.alternate)})`;
  }
}

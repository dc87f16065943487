/** The variables an expression reads, for dependency tracking and "unknown variable" checks. */
import type { ExpressionNode } from "./ast";

export interface VariableUse {
  readonly name: string;
  /** 0-based offset of the name in the source. */
  readonly offset: number;
  /** 1-based column of the name in the source. */
  readonly column: number;
}

/** Every use of a variable, in source order (a name used twice appears twice). */
export function expressionVariables(expr: ExpressionNode): VariableUse[] {
  const uses: VariableUse[] = [];
  collect(expr, uses);
  return uses;
}

function collect(expr: ExpressionNode, uses: VariableUse[]): void {
  switch (expr.kind) {
    case "literal":
      return;
    case "variable":
      uses.push({ name: expr.name, offset: expr.start, column: expr.start + 1 });
      return;
    case "list":
      for (const item of expr.items) collect(item, uses);
      return;
    case "call":
      for (const arg of expr.args) collect(arg, uses);
      return;
    case "member":
      collect(expr.object, uses);
      return;
    case "index":
      collect(expr.object, uses);
      collect(expr.index, uses);
      return;
    case "unary":
      collect(expr.operand, uses);
      return;
    case "binary":
    case "logical":
      collect(expr.left, uses);
      collect(expr.right, uses);
      return;
    case "conditional":
      collect(expr.test, uses);
      collect(expr.consequent, uses);
      collect(expr.alternate, uses);
      return;
  }
}

/** Located errors and problems of expressions and templates. Columns are 1-based, offsets 0-based. */

/** Why an expression or template could not be parsed. */
export interface ExpressionError {
  readonly code: "expr/syntax" | "expr/unknown-function";
  readonly message: string;
  readonly offset: number;
  readonly column: number;
}

/** What the static checker found in a parsed expression or template. */
export interface ExpressionProblem {
  readonly code: "expr/unknown-variable" | "expr/type-mismatch" | "expr/unknown-function";
  readonly message: string;
  readonly offset: number;
  readonly column: number;
}

export function expressionError(code: ExpressionError["code"], message: string, offset: number): ExpressionError {
  return { code, message, offset, column: offset + 1 };
}

export function expressionProblem(code: ExpressionProblem["code"], message: string, offset: number): ExpressionProblem {
  return { code, message, offset, column: offset + 1 };
}

/**
 * Parse once, evaluate many times. A flow compiles its conditions and prompts when it loads;
 * each conversation turn then only walks the trees.
 */
import type { ExpressionNode } from "./ast";
import type { ExpressionError } from "./errors";
import { evaluate } from "./evaluate";
import { parseExpression } from "./parser";
import { parseTemplate, renderTemplate, type Template } from "./template";
import { isTruthy, type Scope, type Value } from "./values";

export interface CompiledExpression {
  readonly source: string;
  /** The tree, or null when the source does not parse. */
  readonly expr: ExpressionNode | null;
  readonly error: ExpressionError | null;
  /** The value; null when the source did not parse. */
  evaluate(scope: Scope): Value;
  /** The value's truthiness, for conditions; false when the source did not parse. */
  test(scope: Scope): boolean;
}

export interface CompiledTemplate {
  readonly source: string;
  readonly template: Template | null;
  readonly error: ExpressionError | null;
  /** The spoken text. A template that did not parse renders as its source, so the mistake shows in transcripts. */
  render(scope: Scope): string;
}

export function compileExpression(source: string): CompiledExpression {
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    return { source, expr: null, error: parsed.error, evaluate: () => null, test: () => false };
  }
  const { expr } = parsed;
  return {
    source,
    expr,
    error: null,
    evaluate: (scope) => evaluate(expr, scope),
    test: (scope) => isTruthy(evaluate(expr, scope)),
  };
}

export function compileTemplate(source: string): CompiledTemplate {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return { source, template: null, error: parsed.error, render: () => source };
  const { template } = parsed;
  const [only] = template.segments;
  // Plain text (most prompts) renders without walking anything.
  if (template.segments.length === 0 || (template.segments.length === 1 && only?.kind === "text")) {
    const text = only?.kind === "text" ? only.text : "";
    return { source, template, error: null, render: () => text };
  }
  return { source, template, error: null, render: (scope) => renderTemplate(template, scope) };
}

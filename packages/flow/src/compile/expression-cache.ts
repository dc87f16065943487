import type { JsonValue } from "../schema";
import type { Value } from "../expressions";
import { evaluate, isTruthy, parseExpression, parseTemplate, renderTemplate } from "../expressions";

type Vars = Readonly<Record<string, JsonValue>>;

/**
 * Parses every expression and template once per compiled flow, so a turn never re-parses.
 * The compiler has already rejected sources that do not parse; a failure here is a bug.
 */
export function createExpressionCache() {
  const expressions = new Map<string, ReturnType<typeof parseExpression>>();
  const templates = new Map<string, ReturnType<typeof parseTemplate>>();
  /** Templates without expressions render to the same text every time. */
  const fixedTexts = new Map<string, string>();

  function expression(source: string) {
    let parsed = expressions.get(source);
    if (!parsed) {
      parsed = parseExpression(source);
      expressions.set(source, parsed);
    }
    return parsed;
  }

  function template(source: string) {
    let parsed = templates.get(source);
    if (!parsed) {
      parsed = parseTemplate(source);
      templates.set(source, parsed);
    }
    return parsed;
  }

  return {
    /** Parse errors, for the compiler to report before any machine is built. */
    expressionError(source: string) {
      const parsed = expression(source);
      return parsed.ok ? null : parsed.error;
    },
    templateError(source: string) {
      const parsed = template(source);
      return parsed.ok ? null : parsed.error;
    },
    evaluate(source: string, vars: Vars, now: number): Value {
      const parsed = expression(source);
      if (!parsed.ok) throw new Error(`internal: expression was not validated: ${source}`);
      return evaluate(parsed.expr, { vars, now: new Date(now) });
    },
    condition(source: string, vars: Vars, now: number): boolean {
      return isTruthy(this.evaluate(source, vars, now));
    },
    render(source: string, vars: Vars, now: number): string {
      const fixed = fixedTexts.get(source);
      if (fixed !== undefined) return fixed;
      const parsed = template(source);
      if (!parsed.ok) throw new Error(`internal: template was not validated: ${source}`);
      const text = renderTemplate(parsed.template, { vars, now: new Date(now) });
      if (parsed.template.segments.every((s) => s.kind === "text")) fixedTexts.set(source, text);
      return text;
    },
  };
}
export type ExpressionCache = ReturnType<typeof createExpressionCache>;

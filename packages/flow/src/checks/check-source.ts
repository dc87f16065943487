import { checkExpression, checkTemplate, parseExpression, parseTemplate, type ExpressionType } from "../expressions";
import type { Diagnostic } from "../diagnostics";
import type { VariableEnv } from "../graph";
import { diagnostic } from "./context";
import type { ExpressionSite } from "./expression-sites";

export interface SourceResult {
  readonly diagnostics: Diagnostic[];
  /** The expression's static type; undefined for templates and unparsable expressions. */
  readonly type?: ExpressionType;
}

/** Parses and type-checks one expression or template; problems located by column. */
export function checkSource(site: ExpressionSite, env: VariableEnv): SourceResult {
  const scope = site.extraEnv ? { ...env, ...site.extraEnv } : env;
  const at = { path: site.path, nodeId: site.nodeId, edgeId: site.edgeId };
  const located = (p: { code: Diagnostic["code"]; message: string; column: number }): Diagnostic =>
    diagnostic({ ...at, code: p.code, severity: "error", message: p.message, column: p.column });
  if (site.kind === "template") {
    const parsed = parseTemplate(site.source);
    if (!parsed.ok) return { diagnostics: [located(parsed.error)] };
    return { diagnostics: checkTemplate(parsed.template, scope).map(located) };
  }
  const parsed = parseExpression(site.source);
  if (!parsed.ok) return { diagnostics: [located(parsed.error)] };
  const checked = checkExpression(parsed.expr, scope);
  return { diagnostics: checked.problems.map(located), type: checked.type };
}

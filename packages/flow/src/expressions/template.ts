/**
 * `{{ expression }}` templates for prompts: "A table for {{ party_size }}, right?". `\{{` writes
 * literal braces. All offsets (segments, expression trees, errors, problems) are relative to the
 * whole template string, so columns point into the text the author wrote.
 */
import type { ExpressionNode } from "./ast";
import { checkExpression, type TypeEnv } from "./check";
import { expressionError, type ExpressionError, type ExpressionProblem } from "./errors";
import { evaluate } from "./evaluate";
import { parseExpressionRange } from "./parser";
import { toSpeech, type Scope } from "./values";
import { expressionVariables, type VariableUse } from "./variables";

export type TemplateSegment =
  | { readonly kind: "text"; readonly text: string; readonly start: number; readonly end: number }
  | {
      readonly kind: "expression";
      readonly expr: ExpressionNode;
      /** The source between the braces. */
      readonly source: string;
      /** Span of the whole `{{ ... }}`. */
      readonly start: number;
      readonly end: number;
    };

export interface Template {
  readonly source: string;
  readonly segments: readonly TemplateSegment[];
}

export type ParseTemplateResult = { ok: true; template: Template } | { ok: false; error: ExpressionError };

/** Index of the "}}" closing an expression that starts at `from`, skipping quoted strings; -1 if none. */
function findClose(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const c = source[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === "\\" ? 2 : 1;
      // An unterminated string: fall back to the first "}}" and let the lexer report the string.
      if (j >= source.length) return source.indexOf("}}", from);
      i = j + 1;
    } else if (c === "}" && source[i + 1] === "}") {
      return i;
    } else {
      i++;
    }
  }
  return -1;
}

/** Parses a template. Never throws for bad input. */
export function parseTemplate(source: string): ParseTemplateResult {
  const segments: TemplateSegment[] = [];
  let text = "";
  let textStart = 0;
  let i = 0;
  const flush = (end: number): void => {
    if (text !== "") segments.push({ kind: "text", text, start: textStart, end });
    text = "";
  };
  while (i < source.length) {
    if (source.startsWith("\\{{", i)) {
      text += "{{";
      i += 3;
      continue;
    }
    if (!source.startsWith("{{", i)) {
      text += source[i] ?? "";
      i++;
      continue;
    }
    const close = findClose(source, i + 2);
    if (close < 0) {
      return { ok: false, error: expressionError("expr/syntax", `unclosed "{{" opened at column ${i + 1}: close it with "}}", or write \\{{ for literal braces`, i) };
    }
    const inner = source.slice(i + 2, close);
    if (inner.trim() === "") {
      return { ok: false, error: expressionError("expr/syntax", `empty "{{ }}" at column ${i + 1}: put an expression inside, or write \\{{ for literal braces`, i) };
    }
    const parsed = parseExpressionRange(source, i + 2, close);
    if (!parsed.ok) return parsed;
    flush(i);
    segments.push({ kind: "expression", expr: parsed.expr, source: inner, start: i, end: close + 2 });
    i = close + 2;
    textStart = i;
  }
  flush(source.length);
  return { ok: true, template: { source, segments } };
}

/** Renders for speech: null says nothing, booleans "yes"/"no", lists "a, b and c". */
export function renderTemplate(template: Template, scope: Scope): string {
  let out = "";
  for (const segment of template.segments) {
    out += segment.kind === "text" ? segment.text : toSpeech(evaluate(segment.expr, scope));
  }
  return out;
}

/** Checks every expression of the template; columns are within the whole template. */
export function checkTemplate(template: Template, env: TypeEnv): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  for (const segment of template.segments) {
    if (segment.kind === "expression") problems.push(...checkExpression(segment.expr, env).problems);
  }
  return problems;
}

/** Every variable the template reads, with columns within the whole template. */
export function templateVariables(template: Template): VariableUse[] {
  const uses: VariableUse[] = [];
  for (const segment of template.segments) {
    if (segment.kind === "expression") uses.push(...expressionVariables(segment.expr));
  }
  return uses;
}

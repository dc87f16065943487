import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { Diagnostic } from "../diagnostics";

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; diagnostics: Diagnostic[] };

/** 1-based line and column of a 0-based offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** "CommaExpected" → "comma expected", with a hint for the two usual JSON5-isms. */
function describeParseError(text: string, error: ParseError): string {
  const name = printParseErrorCode(error.error);
  if (name === "InvalidCommentToken") return "comments are not allowed in JSON";
  const before = text.slice(0, error.offset).trimEnd();
  const at = text[error.offset];
  if ((at === "]" || at === "}") && before.endsWith(",")) return "trailing commas are not allowed in JSON";
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/**
 * Strict JSON (no comments, no trailing commas) with the position of every syntax error.
 * Only the first error is reported: the parser's recovery after it mostly yields follow-on noise.
 */
export function parseJson(text: string, file?: string): JsonParseResult {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const error = errors[0];
  if (error === undefined) return { ok: true, value };
  const { line, column } = lineAndColumn(text, error.offset);
  const diagnostic: Diagnostic = {
    code: "json/syntax",
    severity: "error",
    message: `line ${line}, column ${column}: ${describeParseError(text, error)}`,
    path: "",
    column,
    ...(file !== undefined ? { file } : {}),
  };
  return { ok: false, diagnostics: [diagnostic] };
}

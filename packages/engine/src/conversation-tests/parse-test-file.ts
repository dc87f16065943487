import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import type { Node as YamlNode } from "yaml";
import { TestFileSchema, jsonPointer } from "@voxchart/flow";
import type { TestFile } from "@voxchart/flow";
import { zodIssueMessage } from "./zod-issue-message";

/** One problem in a test file, located by JSON pointer (and line, for YAML). */
export interface TestFileProblem {
  readonly file: string;
  /** JSON pointer into the document, "" for the whole document. */
  readonly path: string;
  readonly line?: number;
  readonly message: string;
}

export type TestFileParseResult = { ok: true; testFile: TestFile } | { ok: false; problems: TestFileProblem[] };

/** `restaurant.test.yaml:12: /conversations/2/turns/3/user: expected a string, got a number`. */
export function formatTestFileProblem(p: TestFileProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ""}: ${p.path || "/"}: ${p.message}`;
}

/** The YAML node at a path, for its line number. */
function nodeAt(root: unknown, path: readonly PropertyKey[]): YamlNode | undefined {
  let node = root as YamlNode | undefined;
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true) as YamlNode | undefined;
    else if (isSeq(node) && typeof key === "number") node = node.get(key, true) as YamlNode | undefined;
    else return node;
    if (node === undefined) return undefined;
  }
  return node;
}

type LineOf = (path: readonly PropertyKey[]) => number | undefined;
type Parsed = { ok: true; value: unknown; lineOf?: LineOf } | { ok: false; problems: TestFileProblem[] };

function parseYaml(text: string, file: string): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        path: "",
        line: lineCounter.linePos(e.pos[0]).line,
        message: `YAML syntax: ${e.message.split("\n")[0] ?? e.code} (column ${lineCounter.linePos(e.pos[0]).col})`,
      })),
    };
  }
  const lineOf: LineOf = (path) => {
    let p = [...path];
    // An unknown or missing key has no node of its own: point at the nearest enclosing one.
    for (;;) {
      const node = nodeAt(doc.contents, p);
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
      if (!p.length) return undefined;
      p = p.slice(0, -1);
    }
  };
  return { ok: true, value: doc.toJS(), lineOf };
}

function parseJsonText(text: string, file: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [{ file, path: "", message: `JSON syntax: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** Parses and validates a conversation test file (`.json` as JSON, anything else as YAML). */
export function parseTestFile(text: string, file: string): TestFileParseResult {
  const isJson = file.toLowerCase().endsWith(".json");
  const parsed = isJson ? parseJsonText(text, file) : parseYaml(text, file);
  if (!parsed.ok) return parsed;
  const result = TestFileSchema.safeParse(parsed.value, { reportInput: true });
  if (result.success) return { ok: true, testFile: result.data };
  const lineOf = parsed.lineOf;
  const problems = result.error.issues.map((issue): TestFileProblem => {
    const segments = issue.path.map((s) => (typeof s === "symbol" ? String(s) : s));
    const withKey = issue.code === "unrecognized_keys" && issue.keys.length === 1 ? [...segments, issue.keys[0] as string] : segments;
    const line = lineOf?.(withKey);
    return { file, path: jsonPointer(withKey), ...(line !== undefined ? { line } : {}), message: zodIssueMessage(issue) };
  });
  return { ok: false, problems };
}

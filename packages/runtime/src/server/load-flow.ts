import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { checkFlow, compileFlow, formatDiagnostic, hasErrors, parseFlowDocument, validateFlow } from "@voxchart/flow";
import type { CompiledFlow, Diagnostic, Flow } from "@voxchart/flow";

/** A flow that cannot be served: its diagnostics, one per line. */
export class FlowLoadError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(what: string, diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(`${what} cannot be served:\n${errors.map((d) => `  ${formatDiagnostic(d)}`).join("\n")}`);
    this.name = "FlowLoadError";
    this.diagnostics = diagnostics;
  }
}

/** Resolves subflow references relative to the file of the flow that calls them. */
function fileSubflowResolver(rootFile: string | undefined, problems: Diagnostic[]) {
  const fileOf = new WeakMap<Flow, string>();
  const cache = new Map<string, Flow | undefined>();
  const resolveSubflow = (ref: string, from: Flow): Flow | undefined => {
    const parent = fileOf.get(from) ?? rootFile;
    if (parent === undefined) return undefined;
    const target = resolve(dirname(parent), ref);
    if (cache.has(target)) return cache.get(target);
    let flow: Flow | undefined;
    try {
      const parsed = parseFlowDocument(readFileSync(target, "utf8"), target);
      if (parsed.ok) {
        flow = parsed.flow;
        fileOf.set(flow, target);
      } else problems.push(...parsed.diagnostics);
    } catch (error) {
      problems.push({ code: "schema/invalid", severity: "error", message: `cannot read subflow ${ref}: ${(error as Error).message}`, path: "", file: target });
    }
    cache.set(target, flow);
    return flow;
  };
  return { resolveSubflow, fileOf };
}

function compileChecked(flow: Flow, what: string, rootFile: string | undefined): CompiledFlow {
  const problems: Diagnostic[] = [];
  const { resolveSubflow, fileOf } = fileSubflowResolver(rootFile, problems);
  if (rootFile !== undefined) fileOf.set(flow, rootFile);
  const checked = checkFlow(flow, { resolveSubflow, ...(rootFile !== undefined ? { file: rootFile } : {}) });
  if (hasErrors([...checked, ...problems])) throw new FlowLoadError(what, [...checked, ...problems]);
  const result = compileFlow(flow, { resolveSubflow });
  if (!result.ok) throw new FlowLoadError(what, [...result.diagnostics, ...problems]);
  return result.compiled;
}

/**
 * Loads a flow file for serving: parsed, statically checked and compiled, with subflow files
 * resolved relative to the file that calls them. Throws a FlowLoadError listing what is wrong.
 */
export async function loadFlowFile(path: string, cwd: string = process.cwd()): Promise<CompiledFlow> {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read the flow file ${path}: ${(error as Error).message}`);
  }
  const parsed = parseFlowDocument(text, file);
  if (!parsed.ok) throw new FlowLoadError(path, parsed.diagnostics);
  return compileChecked(parsed.flow, path, file);
}

/**
 * Compiles a flow document that arrived as JSON (a deploy request, a stored version). Subflow
 * references resolve relative to `baseFile` when given (the file the server was started with).
 */
export function compileFlowDocument(document: unknown, what: string, baseFile?: string): CompiledFlow {
  const validated = validateFlow(document);
  if (!validated.ok) throw new FlowLoadError(what, validated.diagnostics);
  return compileChecked(validated.flow, what, baseFile);
}

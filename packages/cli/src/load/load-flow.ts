import { dirname, resolve } from "node:path";
import { checkFlow, compileFlow, hasErrors, parseFlowDocument } from "@voxchart/flow";
import type { CompiledFlow, Diagnostic, Flow } from "@voxchart/flow";
import { isCliError } from "../cli-error";
import { displayPath } from "./display-path";
import { readTextFile, readTextFileSync } from "./read-text-file";

/** A flow file after loading, checking and (when it has no errors) compiling. */
export interface LoadedFlow {
  /** The path as shown to the user. */
  readonly file: string;
  readonly absolutePath: string;
  /** Null when the document did not parse or validate. */
  readonly flow: Flow | null;
  /** Everything found, in the root file and in subflow files that failed to load. */
  readonly diagnostics: readonly Diagnostic[];
  /** Null when there are errors. */
  readonly compiled: CompiledFlow | null;
  /** Resolves a subflow reference the way compiling did (relative to the calling flow's file). */
  readonly resolveSubflow: (ref: string, from: Flow) => Flow | undefined;
}

export interface LoadFlowOptions {
  readonly cwd: string;
  /** Run the static checks (lint, test and simulate do; default true). */
  readonly check?: boolean;
}

function fileDiagnostic(file: string, message: string): Diagnostic {
  return { code: "schema/invalid", severity: "error", message, path: "", file };
}

/**
 * Loads a flow file and the subflow files it calls (paths relative to the calling file),
 * checks it, and compiles it when nothing is wrong. Never throws for bad input.
 */
export async function loadFlow(path: string, options: LoadFlowOptions): Promise<LoadedFlow> {
  const absolutePath = resolve(options.cwd, path);
  const file = displayPath(absolutePath, options.cwd);
  const fileOf = new WeakMap<Flow, string>();
  const cache = new Map<string, Flow | undefined>();
  const childProblems: Diagnostic[] = [];

  const resolveSubflow = (ref: string, from: Flow): Flow | undefined => {
    const parent = fileOf.get(from) ?? absolutePath;
    const target = resolve(dirname(parent), ref);
    if (cache.has(target)) return cache.get(target);
    const shown = displayPath(target, options.cwd);
    let flow: Flow | undefined;
    try {
      const result = parseFlowDocument(readTextFileSync(target, shown), shown);
      if (result.ok) {
        flow = result.flow;
        fileOf.set(flow, target);
      } else childProblems.push(...result.diagnostics);
    } catch (error) {
      if (!isCliError(error)) throw error;
      childProblems.push(fileDiagnostic(shown, error.message.replace(`${shown}: `, "")));
    }
    cache.set(target, flow);
    return flow;
  };

  let text: string;
  try {
    text = await readTextFile(absolutePath, file);
  } catch (error) {
    if (!isCliError(error)) throw error;
    return { file, absolutePath, flow: null, diagnostics: [fileDiagnostic(file, error.message.replace(`${file}: `, ""))], compiled: null, resolveSubflow };
  }
  const parsed = parseFlowDocument(text, file);
  if (!parsed.ok) return { file, absolutePath, flow: null, diagnostics: parsed.diagnostics, compiled: null, resolveSubflow };
  const flow = parsed.flow;
  fileOf.set(flow, absolutePath);

  const checked = options.check === false ? [] : checkFlow(flow, { resolveSubflow, file });
  const diagnostics = [...checked, ...childProblems.filter((d) => !checked.some((c) => c.file === d.file && c.path === d.path && c.message === d.message))];
  if (hasErrors(diagnostics)) return { file, absolutePath, flow, diagnostics, compiled: null, resolveSubflow };

  const result = compileFlow(flow, { resolveSubflow });
  if (!result.ok) {
    const located = result.diagnostics.map((d) => (d.file ? d : { ...d, file }));
    return { file, absolutePath, flow, diagnostics: [...diagnostics, ...located], compiled: null, resolveSubflow };
  }
  return { file, absolutePath, flow, diagnostics, compiled: result.compiled, resolveSubflow };
}

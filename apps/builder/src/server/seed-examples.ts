import { readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { validateFlow } from "../lib/flow-api";
import { applyChange } from "../canvas/edits";
import type { FlowDoc } from "../canvas/flow-types";
import { autoLayout, needsLayout } from "../canvas/layout";
import type { StoredConversation } from "../shared/test-case-schema";
import { readTestFileCases } from "../tests/cases-from-test-file";

export interface ExampleFlow {
  file: string;
  name: string;
  description: string;
  document: Record<string, unknown>;
}

/** The repository's examples folder: VOXCHART_EXAMPLES_DIR, else the nearest `examples/` above cwd. */
export function findExamplesDir(start = process.cwd()): string | null {
  if (process.env.VOXCHART_EXAMPLES_DIR) return process.env.VOXCHART_EXAMPLES_DIR;
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, "examples");
    if (existsSync(candidate) && existsSync(path.join(dir, "package.json"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * The example with its nodes placed as the canvas would place them (example files carry no
 * positions), so opening a seeded flow neither lays it out nor saves a new revision.
 */
function laidOut(document: Record<string, unknown>): Record<string, unknown> {
  const doc = document as unknown as FlowDoc;
  return needsLayout(doc) ? (applyChange(doc, autoLayout(doc)) as unknown as Record<string, unknown>) : document;
}

/** The files `examples/<name>/<file>` whose name matches, folder by folder in name order. */
async function exampleFiles(dir: string, pattern: RegExp): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = path.join(dir, entry.name);
    for (const file of (await readdir(folder)).filter((f) => pattern.test(f)).sort()) found.push(path.join(folder, file));
  }
  return found;
}

/** Every valid `examples/<name>/*.flow.json`, laid out; invalid ones are skipped with a warning. */
export async function readExampleFlows(dir: string): Promise<ExampleFlow[]> {
  const found: ExampleFlow[] = [];
  for (const full of await exampleFiles(dir, /\.flow\.json$/)) {
    try {
      const document: unknown = JSON.parse(await readFile(full, "utf8"));
      const result = validateFlow(document, full);
      if (!result.ok || typeof document !== "object" || document === null || Array.isArray(document)) {
        console.warn(`[builder] skipping example ${full}: not a valid flow`);
        continue;
      }
      found.push({ file: full, name: result.flow.name, description: result.flow.description ?? "", document: laidOut(document as Record<string, unknown>) });
    } catch (error) {
      console.warn(`[builder] skipping example ${full}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return found;
}

/** An example's test file as builder test cases, for the flow file it tests. */
export interface ExampleTests {
  flowFile: string;
  cases: { name: string; conversation: StoredConversation }[];
}

/**
 * Every `examples/<name>/*.test.yaml` (or .yml, .json), so the seeded examples come with the
 * conversations `voxchart test` runs on them; a file that does not parse is skipped with its
 * problems as a warning.
 */
export async function readExampleTests(dir: string): Promise<ExampleTests[]> {
  const found: ExampleTests[] = [];
  for (const full of await exampleFiles(dir, /\.test\.(ya?ml|json)$/)) {
    const read = readTestFileCases(await readFile(full, "utf8"), full);
    if (!read.ok) {
      console.warn(`[builder] skipping example tests ${full}:\n  ${read.problems.join("\n  ")}`);
      continue;
    }
    found.push({ flowFile: path.resolve(path.dirname(full), read.file.flow), cases: read.cases });
  }
  return found;
}

import { readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { validateFlow } from "../lib/flow-api";

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

/** Every valid `examples/<name>/*.flow.json`; invalid ones are skipped with a warning. */
export async function readExampleFlows(dir: string): Promise<ExampleFlow[]> {
  const found: ExampleFlow[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = path.join(dir, entry.name);
    const files = (await readdir(folder)).filter((f) => f.endsWith(".flow.json")).sort();
    for (const file of files) {
      const full = path.join(folder, file);
      try {
        const document: unknown = JSON.parse(await readFile(full, "utf8"));
        const result = validateFlow(document, full);
        if (!result.ok || typeof document !== "object" || document === null || Array.isArray(document)) {
          console.warn(`[builder] skipping example ${full}: not a valid flow`);
          continue;
        }
        found.push({ file: full, name: result.flow.name, description: result.flow.description ?? "", document: document as Record<string, unknown> });
      } catch (error) {
        console.warn(`[builder] skipping example ${full}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return found;
}

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface ImportSite {
  file: string;
  line: number;
  specifier: string;
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === ".next" || name === "generated" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** Every static and dynamic import in a workspace's sources, with where it stands. */
export function readImports(workspaceDir: string, root: string): ImportSite[] {
  const sites: ImportSite[] = [];
  for (const file of sourceFiles(workspaceDir)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier) continue;
      const line = text.slice(0, match.index).split("\n").length;
      sites.push({ file: relative(root, file), line, specifier });
    }
  }
  return sites;
}

/** "@voxchart/flow/x" → "@voxchart/flow"; "zod/v4" → "zod". */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

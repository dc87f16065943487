import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { CliError } from "../cli-error";

const TEST_FILE = /\.test\.(ya?ml|json)$/i;

export function isTestFileName(name: string): boolean {
  return TEST_FILE.test(name);
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && isTestFileName(entry.name)) out.push(full);
  }
}

/** Test files named on the command line, directories searched for `*.test.yaml` / `*.test.json`. */
export async function findTestFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    const info = await stat(full).catch(() => null);
    if (!info) throw new CliError("file/not-found", `${path}: no such file or directory`);
    if (info.isDirectory()) await walk(full, found);
    else found.push(full);
  }
  return [...new Set(found)];
}

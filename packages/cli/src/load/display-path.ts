import { isAbsolute, relative, resolve, sep } from "node:path";

/** A path as the user should see it: relative to cwd when inside it, with forward slashes. */
export function displayPath(absolutePath: string, cwd: string): string {
  const rel = relative(cwd, absolutePath);
  const shown = rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : absolutePath;
  return shown.split(sep).join("/");
}

export function absolutePath(path: string, cwd: string): string {
  return resolve(cwd, path);
}

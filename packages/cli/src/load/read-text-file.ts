import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { CliError } from "../cli-error";

function failure(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return new CliError("file/not-found", `${file}: no such file`);
  if (code === "EISDIR") return new CliError("file/unreadable", `${file}: is a directory, not a file`);
  return new CliError("file/unreadable", `${file}: cannot be read (${code ?? String(error)})`);
}

/** Reads a UTF-8 file; a missing or unreadable file becomes a CliError naming it. */
export async function readTextFile(absolutePath: string, shownAs: string = absolutePath): Promise<string> {
  try {
    return await readFile(absolutePath, "utf8");
  } catch (error) {
    throw failure(shownAs, error);
  }
}

export function readTextFileSync(absolutePath: string, shownAs: string = absolutePath): string {
  try {
    return readFileSync(absolutePath, "utf8");
  } catch (error) {
    throw failure(shownAs, error);
  }
}

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import type { CliIo } from "../src/io";

export const CLI_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = resolve(CLI_ROOT, "../..");
export const FIXTURES = join(CLI_ROOT, "test/fixtures");
export const EXAMPLES = join(REPO_ROOT, "examples");

/** An in-memory CliIo: what the command printed, on stdout and stderr. */
export function memoryIo(cwd: string = REPO_ROOT, input = ""): CliIo & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough();
  stdin.end(input);
  return {
    out: (t) => out.push(t.replace(/\n$/, "")),
    err: (t) => err.push(t.replace(/\n$/, "")),
    cwd,
    stdin,
    interactive: false,
    stdout: () => out.join("\n"),
    stderr: () => err.join("\n"),
  };
}

export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "voxchart-cli-"));
}

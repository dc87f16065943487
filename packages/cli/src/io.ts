import type { Readable } from "node:stream";

/** Where a command reads and writes; tests pass an in-memory one. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Paths on the command line are relative to this directory. */
  readonly cwd: string;
  readonly stdin: Readable;
  /** Whether stdin is a terminal (interactive simulate). */
  readonly interactive: boolean;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    cwd: process.cwd(),
    stdin: process.stdin,
    interactive: Boolean(process.stdin.isTTY),
  };
}

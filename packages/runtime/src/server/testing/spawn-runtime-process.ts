import { spawn, type ChildProcess } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { RuntimeServerConfig } from "../runtime-server-config";

const here = dirname(fileURLToPath(import.meta.url));

export interface RuntimeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything it printed. */
  readonly output: () => string;
  /** Sends the signal and resolves when the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts createRuntimeServer in a child process (node with the tsx loader, so SIGKILL hits the
 * server itself, not a wrapper) and resolves once it listens.
 */
export async function spawnRuntimeProcess(config: Omit<RuntimeServerConfig, "log" | "store" | "tools" | "flow"> & { flow: string }, timeoutMs = 60_000): Promise<RuntimeProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", resolve(here, "runtime-process.ts"), JSON.stringify(config)], {
    cwd: resolve(here, "../../.."),
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`runtime process did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      const match = /LISTENING (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on("data", check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`runtime process exited with ${child.exitCode ?? child.signalCode}:\n${output}`));
    });
  });
  return {
    child,
    url,
    output: () => output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningServer {
  url: string;
  dbPath: string;
  stop(): Promise<void>;
}

/** A free TCP port on localhost. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Next server exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the Next server did not answer within ${timeoutMs} ms:\n${log()}`);
}

/**
 * Starts the builder on a free port with a fresh SQLite database (seeded from examples/):
 * VOXCHART_E2E_SERVER=start|dev chooses; by default the production build when one exists
 * (run `npm run build` first), else the dev server.
 */
export async function startServer(options: { mode?: "dev" | "start" } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "vx-e2e-"));
  const dbPath = path.join(dir, "builder.db");
  const requested = options.mode ?? (process.env.VOXCHART_E2E_SERVER === "dev" ? "dev" : process.env.VOXCHART_E2E_SERVER === "start" ? "start" : null);
  const built = existsSync(path.join(APP_DIR, ".next", "BUILD_ID"));
  // A build can be stale; it is used when asked for, or when it is the only choice that is fast.
  const mode = requested ?? (built ? "start" : "dev");
  const nextBin = path.join(APP_DIR, "node_modules", ".bin", "next");
  const bin = existsSync(nextBin) ? nextBin : path.resolve(APP_DIR, "../../node_modules/.bin/next");
  const child = spawn(bin, [mode, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: APP_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", VOXCHART_DB: dbPath, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    process.kill(-child.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
  };
  try {
    await waitForHttp(`${url}/api/flows`, child, 240_000, () => output.slice(-4000));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dbPath, stop };
}

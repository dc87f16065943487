import { spawn } from "node:child_process";
import { RuntimeError } from "../pipeline/errors";
import { int16ToBytes } from "../audio/pcm";

/**
 * One pocketsphinx_continuous process reading raw 16 kHz s16le audio from stdin. It loads its
 * model when spawned, so a stream spawned at the start of speech has it ready by the end.
 * Each utterance pocketsphinx finds prints one line; the transcript is those lines joined.
 */
export interface PocketsphinxProcess {
  write(pcm: Int16Array): void;
  /** Closes stdin and resolves with the recognised text once the process exits. */
  finish(): Promise<string>;
  kill(): void;
}

export function spawnPocketsphinx(binary: string, args: readonly string[], signal?: AbortSignal): PocketsphinxProcess {
  // Node gives a child a socket for stdin, and Linux will not open /dev/stdin on a socket, so
  // `cat` turns it into a real pipe. The group is detached so kill() can end both processes.
  const child = spawn("sh", ["-c", 'cat | exec "$0" "$@"', binary, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
  });
  const lines: string[] = [];
  let stdout = "";
  let stderr = "";
  let killed = false;

  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    stdout += chunk;
    let nl: number;
    while ((nl = stdout.indexOf("\n")) >= 0) {
      const line = stdout.slice(0, nl).trim();
      stdout = stdout.slice(nl + 1);
      if (line) lines.push(line);
    }
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    if (stderr.length < 4000) stderr += chunk;
  });
  // The process may exit early (bad grammar): writes then fail with EPIPE, reported by `done`.
  child.stdin.on("error", () => undefined);

  const done = new Promise<string>((resolve, reject) => {
    child.on("error", (cause: NodeJS.ErrnoException) => {
      reject(
        cause.code === "ENOENT"
          ? new RuntimeError(
              "stt.unavailable",
              `${binary} is not installed: apt-get install -y pocketsphinx pocketsphinx-en-us`,
              { cause },
            )
          : new RuntimeError("stt.failed", `Could not start ${binary}: ${cause.message}`, { cause, retryable: true }),
      );
    });
    child.on("close", (code, sig) => {
      if (killed) return reject(new RuntimeError("aborted", "speech recognition was cancelled"));
      if (code === 127) {
        return reject(new RuntimeError("stt.unavailable", `${binary} is not installed: apt-get install -y pocketsphinx pocketsphinx-en-us`));
      }
      if (code !== 0) {
        return reject(
          new RuntimeError("stt.failed", `${binary} exited with ${code ?? sig}: ${stderr.trim().slice(-500) || "no output"}`, {
            retryable: true,
          }),
        );
      }
      if (stdout.trim()) lines.push(stdout.trim());
      resolve(lines.map(cleanHypothesis).filter(Boolean).join(" "));
    });
  });
  done.catch(() => undefined); // observed through finish()

  const kill = () => {
    if (killed || child.exitCode !== null) return;
    killed = true;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  };
  if (signal) {
    if (signal.aborted) kill();
    else signal.addEventListener("abort", kill, { once: true });
  }

  return {
    write(pcm) {
      if (!killed && child.stdin.writable) child.stdin.write(int16ToBytes(pcm.slice()));
    },
    finish() {
      if (child.stdin.writable) child.stdin.end();
      return done;
    },
    kill,
  };
}

/** Drops pronunciation variants ("four(2)") and filler tokens from a hypothesis. */
function cleanHypothesis(line: string): string {
  return line
    .split(/\s+/)
    .map((w) => w.replace(/\(\d+\)$/, ""))
    .filter((w) => w && !/^(<.*>|\[.*\]|\+\+.*\+\+)$/.test(w))
    .join(" ");
}

import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { once } from "node:events";
import { describe, expect, it } from "vitest";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const entry = fileURLToPath(new URL("./serve-test-server.ts", import.meta.url));

describe("serve-test-server CLI", () => {
  it("prints its URL and serves the OpenAI routes until stopped", async () => {
    const child = spawn(process.execPath, [tsxCli, entry, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const [line] = (await once(child.stdout, "data")) as [Buffer];
      const url = line.toString().trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const models = (await (await fetch(`${url}/models`)).json()) as { data: Array<{ id: string }> };
      expect(models.data.map((m) => m.id)).toContain("test-chat");
    } finally {
      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number | null];
      expect(code).toBe(0);
    }
  }, 20_000);
});

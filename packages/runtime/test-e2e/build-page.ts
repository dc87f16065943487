import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pageDir = join(dirname(fileURLToPath(import.meta.url)), "page");

/** Bundles page/entry.ts (with the Pipecat client) and copies index.html into `outDir`. */
export async function buildPage(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(pageDir, "entry.ts")],
    outfile: join(outDir, "entry.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "chrome110",
    sourcemap: "inline",
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  await copyFile(join(pageDir, "index.html"), join(outDir, "index.html"));
}

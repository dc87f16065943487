import { build, type Plugin } from "esbuild";
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";

export interface BundleTarget {
  /** The TypeScript entry point. */
  readonly entry: string;
  /**
   * The ES module to write (`.mjs`); its map, `<outfile>.inputs.json` and a `chunks/` folder are
   * written beside it.
   */
  readonly outfile: string;
  /** Dynamic imports in chunks of their own, loaded when used (default true); false writes one file. */
  readonly lazyChunks?: boolean;
}

/** The JSON list of the source files a bundle was built from (absolute paths). */
export const inputsManifestPath = (outfile: string): string => `${outfile}.inputs.json`;

/**
 * Our workspaces (`@voxchart/*` and relative imports) are bundled; every other bare import stays
 * an import, resolved from node_modules at run time as it would be from source (native addons,
 * WebAssembly and Prisma's generated runtime keep working).
 */
const npmPackagesExternal: Plugin = {
  name: "npm-packages-external",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@voxchart/") ? undefined : { path: args.path, external: true }));
  },
};

/**
 * Bundles `entry` into an ES module with a linked source map. Unlike running the sources through
 * tsx, the output does not keep function names (esbuild's keepNames wraps every named closure in a
 * defineProperty call, which made the engine's hot paths ~20% slower). Dynamic imports become
 * chunks of their own, so what a command does not use is never loaded (`voxchart lint` does not
 * load the voice runtime). Files are written under temporary names and renamed, the entry last,
 * so a concurrent run never reads half a bundle; chunks are named by content and never overwritten.
 */
export async function bundleWorkspaceEntry(target: BundleTarget): Promise<void> {
  const outfile = resolve(target.outfile);
  const outdir = dirname(outfile);
  const result = await build({
    entryPoints: [{ in: resolve(target.entry), out: basename(outfile).replace(/\.mjs$/, "") }],
    outdir,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    splitting: target.lazyChunks !== false,
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0] ?? "20"}`,
    sourcemap: "linked",
    metafile: true,
    keepNames: false,
    logLevel: "silent",
    plugins: [npmPackagesExternal],
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(input));
  const files = [
    ...result.outputFiles.map((file) => ({ path: file.path, contents: file.contents })),
    { path: inputsManifestPath(outfile), contents: `${JSON.stringify(inputs, null, 1)}\n` },
  ];
  files.sort((x, y) => Number(x.path === outfile) - Number(y.path === outfile));
  const suffix = `.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.path + suffix, file.contents);
    }
    for (const file of files) await rename(file.path + suffix, file.path);
  } finally {
    await Promise.all(files.map((file) => rm(file.path + suffix, { force: true })));
  }
}
